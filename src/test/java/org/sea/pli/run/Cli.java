package org.sea.pli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sea.pli.testing.CommandRun;

/** The command line in process, with a job repository of the test's own (see {@link CommandRun}). */
final class Cli {

    static final Map<String, String> ENV = Map.of("PLI_PSEUDONYM_KEY", "audit-test-key");

    private final Path jobRepository;

    Cli(Path jobRepository) {
        this.jobRepository = jobRepository;
    }

    CommandRun execute(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=jdbc:h2:file:" + jobRepository);
        return CommandRun.execute(ENV, all);
    }
}
