package org.sea.pli.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that name a recorded run (spec §6, §7), shared by {@code rerun} and {@code verify}. */
final class RecordedRunOptions {

    @Option(names = "--warehouse", paramLabel = "URI", required = true, description = "The warehouse holding the run.")
    String warehouse;

    @Option(names = "--run", paramLabel = "RUN_ID", required = true, description = "The run id, e.g. 2026-06-30_1.")
    String runId;

    @Option(names = "--inbox", paramLabel = "DIR", required = true, description = "The inbox the run read.")
    Path inbox;
}
