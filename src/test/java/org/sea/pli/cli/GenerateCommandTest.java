package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/** The generate verb (docs/spec.md §7): deterministic per seed, needs no pseudonym key. */
class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theCommittedSampleInboxIsExactlyGenerateSmallSeed42() throws IOException {
        Path out = tmp.resolve("inbox");
        CommandRun r = CommandRun.execute(
                Map.of(), List.of("generate", "--out", out.toString(), "--scale", "small", "--seed", "42"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generated small inbox (seed 42, 2 school years)");
        assertThat(contents(out)).isEqualTo(contents(Path.of("sample-data")));
    }

    @Test
    void aBadSeedIsAUsageError() {
        CommandRun r = CommandRun.execute(
                Map.of(), List.of("generate", "--out", tmp.toString(), "--scale", "small", "--seed", "forty-two"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("pl-impact: --seed must be a whole number");
    }

    @Test
    void aYearCountOutsideOneToTwentyIsAUsageErrorOfOneLine() {
        for (String bad : List.of("0", "-1", "21", "1000000", "three")) {
            CommandRun r = CommandRun.execute(
                    Map.of(),
                    List.of("generate", "--out", tmp.toString(), "--scale", "small", "--seed", "42", "--years", bad));
            assertThat(r.code()).as(bad).isEqualTo(2);
            // the one line, then the usage hint every usage error ends with; no stack trace
            assertThat(r.errLines().get(0))
                    .as(bad)
                    .isEqualTo("pl-impact: --years must be a number of school years from 1 to 20, got '" + bad + "'");
            assertThat(r.errLines()).as(bad).hasSize(2).noneMatch(l -> l.contains("Exception"));
        }
        assertThat(tmp.resolve("_state")).doesNotExist();
    }

    @Test
    void theYearCountIsReported() {
        CommandRun r = CommandRun.execute(
                Map.of(),
                List.of(
                        "generate",
                        "--out",
                        tmp.resolve("one").toString(),
                        "--scale",
                        "small",
                        "--seed",
                        "42",
                        "--years",
                        "1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("generated small inbox (seed 42, 1 school year)");
        assertThat(tmp.resolve("one/lea-0001/attendance_2026-06-30.csv")).exists();
        assertThat(tmp.resolve("one/lea-0001/attendance_2025-06-30.csv")).doesNotExist();
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(
                        root.relativize(p).toString(),
                        java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
