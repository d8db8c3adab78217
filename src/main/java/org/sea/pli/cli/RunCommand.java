package org.sea.pli.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sea.pli.run.NightlyRunLauncher;
import org.sea.pli.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run} (spec §6, §7): the nightly job. */
@Command(
        name = "run",
        customSynopsis = {
            "java -jar target/pl-impact.jar run --inbox DIR --warehouse URI --as-of YYYY-MM-DD",
            "    [--strict] [--allow-changed-files] [--pli.KEY=VALUE ...]"
        },
        description = {
            "Validates the inbox, writes quarantine and marts under <warehouse>/runs/<run_id>/ and"
                    + " publishes them to <warehouse>/current/. Needs " + Verb.KEY_VARIABLE + " in the environment.",
            "Spring Boot settings may be given anywhere: --pli.KEY=VALUE, --spring.KEY=VALUE, --logging.KEY=VALUE"
                    + " (e.g. the job repository's JDBC URL)."
        })
final class RunCommand extends Verb {

    @Option(names = "--inbox", paramLabel = "DIR", required = true, description = "The inbox (SPEC §1).")
    Path inbox;

    @Option(
            names = "--warehouse",
            paramLabel = "URI",
            required = true,
            description = "A local path or a Hadoop FileSystem URI (file:, hdfs://, s3a://).")
    String warehouse;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            required = true,
            converter = OptionTypes.IsoDate.class,
            description = "The as-of date: files dated later are ignored (SPEC §1.1).")
    LocalDate asOf;

    @Option(names = "--strict", arity = "0", description = "Exit 1 when a file is rejected (after writing the report).")
    boolean strict;

    @Option(
            names = "--allow-changed-files",
            arity = "0",
            description = "Accept inbox files whose bytes differ from what an earlier run recorded (SPEC §1).")
    boolean allowChangedFiles;

    @Option(
            names = "--full",
            arity = "0",
            description = "Read every LEA and recompute everything, reusing nothing from earlier runs"
                    + " (the same bytes; for after an upgrade or to check a night).")
    boolean full;

    RunCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        Path dir = existingInbox(inbox);
        String target = required("--warehouse", warehouse);
        RunRequest request = new RunRequest(dir, target, asOf, strict, allowChangedFiles, pseudonymKey(), full);
        return SpringStart.job(
                name(),
                invocation,
                context -> context.getBean(NightlyRunLauncher.class).launch(request));
    }
}
