package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/** A bad setting is a configuration error (docs/spec.md §7): exit 2, one line naming it, no stack trace. */
class ConfigurationErrorTest {

    @TempDir
    Path tmp;

    private CommandRun run(String setting) {
        return CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        tmp.resolve("w").toString(),
                        "--as-of",
                        "2026-06-30",
                        setting,
                        "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs")));
    }

    @Test
    void aSettingThatIsNotANumberNamesTheSetting() {
        CommandRun r = run("--pli.min-cell-size=abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo(
                        "pl-impact: configuration error: pli.min-cell-size=abc is not valid (For input string: \"abc\")");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(tmp.resolve("w")).doesNotExist();
    }

    @Test
    void aSettingOutOfItsRangeSaysTheRule() {
        CommandRun r = run("--pli.max-reject-rate=2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo("pl-impact: configuration error: pli.max-reject-rate must be between 0 and 1, got 2.0");
    }
}
