package org.sea.pli.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prometheus's promtool (Debian package {@code prometheus}); required under CI, skipped without it locally. */
public final class Promtool {

    public record Result(int exitCode, String output) {}

    private Promtool() {}

    public static boolean required() {
        return "true".equals(System.getenv("CI"));
    }

    public static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs promtool in {@code dir}; stdin from the given file when the last argument is a Path. */
    public static Result run(Path dir, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(find().toString()));
        Path stdin = null;
        for (Object a : args) {
            if (a instanceof Path p) {
                stdin = p;
            } else {
                command.add(a.toString());
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
