package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} from the packaged {@code target/pl-impact.jar} (spec §7), as an LEA runs it: no
 * pseudonym key in the environment, no job repository, no warehouse.
 */
class ValidateJarIT {

    static final Path JAR = Path.of("target/pl-impact.jar").toAbsolutePath();

    @TempDir
    static Path tmp;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void jarIsBuilt() {
        assertThat(JAR)
                .as("mvn package builds the jar before integration tests")
                .isRegularFile();
    }

    static Result jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().remove("PLI_PSEUDONYM_KEY");
        pb.redirectOutput(tmp.resolve("jar.out").toFile());
        pb.redirectError(tmp.resolve("jar.err").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("validate finished").isTrue();
        return new Result(
                p.exitValue(), Files.readString(tmp.resolve("jar.out")), Files.readString(tmp.resolve("jar.err")));
    }

    @Test
    void aSampleLeaWithAFileOverTheRejectRateExitsFourAndQuarantinesItsRows() throws Exception {
        // sample-data's lea-0003 resends satisfaction on 2026-06-30 with a column of "N/A" scores (generate)
        Path inbox = Path.of("sample-data").toAbsolutePath();
        Result r = jar(
                "validate",
                "--inbox",
                inbox.toString(),
                "--lea",
                "lea-0003",
                "--as-of",
                "2026-06-30",
                "--quarantine",
                tmp.resolve("q").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .containsPattern("satisfaction_2026-06-30\\.csv +rejected +reject_rate_exceeded")
                .containsPattern("satisfaction_2026-06-29\\.csv +stale_in_force");
        assertThat(tmp.resolve("q/lea-0003/satisfaction_2026-06-30.csv")).isRegularFile();
        assertThat(tmp.resolve(".pl-impact"))
                .as("no job repository was created")
                .doesNotExist();
    }

    @Test
    void anUnknownLeaIsAUsageError() throws Exception {
        Result r = jar(
                "validate", "--inbox", Path.of("sample-data").toAbsolutePath().toString(), "--lea", "lea-0042");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("pl-impact: LEA 'lea-0042' is not in _state/leas.csv");
    }
}
