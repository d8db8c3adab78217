package org.sea.pli.cli;

import java.nio.file.Path;
import org.sea.pli.run.RunReproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rerun} (spec §6, §7): reproduce a recorded run into another location. */
@Command(
        name = "rerun",
        customSynopsis = "java -jar target/pl-impact.jar rerun --warehouse URI --run RUN_ID --inbox DIR --out URI",
        description = "Reproduces a recorded run from exactly the inputs its manifest lists (each checked by"
                + " SHA-256), with the configuration it recorded, into another location.")
final class RerunCommand extends Verb {

    @Mixin
    RecordedRunOptions recorded;

    @Option(names = "--out", paramLabel = "URI", required = true, description = "Where to write the reproduction.")
    String out;

    RerunCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        String from = required("--warehouse", recorded.warehouse);
        String run = required("--run", recorded.runId);
        Path dir = existingInbox(recorded.inbox);
        String target = required("--out", out);
        byte[] key = pseudonymKey();
        return SpringStart.job(
                name(),
                invocation,
                context -> context.getBean(RunReproduction.class).rerun(from, run, dir, target, key));
    }
}
