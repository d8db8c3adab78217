package org.sea.pli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example alert rules of {@code jobs/pl-impact-alerts.yml} against their unit tests
 * ({@code jobs/pl-impact-alerts.test.yml}: a failed night, no success in 26 h, an LEA's extract older
 * than 45 days, an extract with nothing in force), run by promtool.
 */
class AlertRulesTest {

    @Test
    void promtoolPassesTheRuleTests() throws Exception {
        assumeTrue(
                Promtool.find() != null || Promtool.required(),
                "promtool is not installed (Debian package prometheus)");
        assertThat(Promtool.find()).as("promtool, required under CI").isNotNull();
        Promtool.Result check = Promtool.run(Path.of("jobs"), "check", "rules", "pl-impact-alerts.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 5 rules found");
        Promtool.Result test = Promtool.run(Path.of("jobs"), "test", "rules", "pl-impact-alerts.test.yml");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }
}
