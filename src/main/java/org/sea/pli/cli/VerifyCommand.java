package org.sea.pli.cli;

import java.nio.file.Path;
import org.sea.pli.run.RunReproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify} (spec §6, §7): a recorded run's outputs against its manifest, as recorded and as reproduced. */
@Command(
        name = "verify",
        customSynopsis = "java -jar target/pl-impact.jar verify --warehouse URI --run RUN_ID --inbox DIR",
        description = "Checks a run's output files against its manifest, reproduces the run in a temporary"
                + " place and compares again: exit 0 when all match, 3 naming each differing file.")
final class VerifyCommand extends Verb {

    @Mixin
    RecordedRunOptions recorded;

    VerifyCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        String from = required("--warehouse", recorded.warehouse);
        String run = required("--run", recorded.runId);
        Path dir = existingInbox(recorded.inbox);
        byte[] key = pseudonymKey();
        return SpringStart.job(
                name(),
                invocation,
                context -> context.getBean(RunReproduction.class).verify(from, run, dir, key, invocation.out()));
    }
}
