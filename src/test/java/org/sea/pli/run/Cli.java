package org.sea.pli.run;

import org.sea.pli.cli.PlImpactCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in process, as a scheduler would, with its own job repository. */
final class Cli {

    static final Map<String, String> ENV = Map.of("PLI_PSEUDONYM_KEY", "audit-test-key");

    record Result(int code, String out, String err) {
    }

    private final Path jobRepository;

    Cli(Path jobRepository) {
        this.jobRepository = jobRepository;
    }

    Result execute(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("generate")) {
            all.add("--spring.datasource.url=jdbc:h2:file:" + jobRepository);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PlImpactCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
