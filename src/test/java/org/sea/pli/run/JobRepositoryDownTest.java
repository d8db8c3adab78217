package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.ops.JdbcUrls;
import org.sea.pli.testing.CommandRun;

/** A job repository that cannot be reached at start: exit 1, one line naming the URL, never the password (docs/spec.md §7). */
class JobRepositoryDownTest {

    @TempDir
    Path tmp;

    @Test
    void postgresDownAtStartIsOneLineNamingTheUrlWithoutThePassword() {
        long started = System.nanoTime();
        CommandRun r = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        tmp.resolve("w").toString(),
                        "--as-of",
                        "2026-06-30",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/pli?password=url-secret-7",
                        "--spring.datasource.username=pli",
                        "--spring.datasource.password=prop-secret-9"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err())
                .startsWith("pl-impact: cannot reach the job repository jdbc:postgresql://127.0.0.1:1/pli")
                .contains("(user pli)")
                .doesNotContain("url-secret-7")
                .doesNotContain("prop-secret-9")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("url-secret-7").doesNotContain("prop-secret-9");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(30);
        assertThat(tmp.resolve("w")).doesNotExist();
    }

    @Test
    void passwordsAreRedactedFromJdbcUrls() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/pli?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/pli?user=a&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://a:s3cret@db/pli")).isEqualTo("jdbc:postgresql://a:***@db/pli");
        assertThat(JdbcUrls.redact("jdbc:h2:file:./x;PASSWORD=s3cret;MODE=x"))
                .isEqualTo("jdbc:h2:file:./x;PASSWORD=***;MODE=x");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/pli")).isEqualTo("jdbc:postgresql://db/pli");
    }
}
