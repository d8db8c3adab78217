package org.sea.pli.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.sea.pli.cli.PlImpactCommand;

/** One in-process {@code pl-impact} command with its exit code, stdout and stderr. */
public record CommandRun(int code, String out, String err) {

    public static final Map<String, String> KEY_ENV = Map.of("PLI_PSEUDONYM_KEY", "test-key-not-secret");

    public static CommandRun execute(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PlImpactCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env)
                .execute(args.toArray(String[]::new));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
