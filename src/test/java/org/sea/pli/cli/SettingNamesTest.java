package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** docs/spec.md §7: unknown {@code pli.*} settings are configuration errors naming the nearest known key. */
class SettingNamesTest {

    private static StandardEnvironment with(Map<String, Object> settings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", settings));
        return env;
    }

    @Test
    void theKnownKeysAreTheComponentsOfTheSettingsRecords() {
        assertThat(SettingNames.known().values())
                .containsExactlyInAnyOrder(
                        "pli.min-cell-size",
                        "pli.improved-threshold",
                        "pli.max-reject-rate",
                        "pli.bright-spots",
                        "pli.threads",
                        "pli.lock-stale-after",
                        "pli.progress-interval",
                        "pli.metrics-file",
                        "pli.metrics-push",
                        "pli.lineage-url",
                        "pli.catalog-uri",
                        "pli.catalog-user",
                        "pli.catalog-password",
                        "pli.catalog-name",
                        "pli.catalog-warehouse");
    }

    @Test
    void aTypoIsNamedWithTheNearestKnownKey() {
        assertThatThrownBy(() -> SettingNames.check(with(Map.of("pli.max-reject-rat", "0.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting pli.max-reject-rat (did you mean pli.max-reject-rate?)");
        assertThatThrownBy(() -> SettingNames.check(with(Map.of("pli.thread", "2"))))
                .hasMessage("unknown setting pli.thread (did you mean pli.threads?)");
    }

    @Test
    void relaxedSpellingsOfKnownKeysAndOtherPrefixesAreAccepted() {
        // Spring binds minCellSize and bright_spots to the same settings: rejecting them would be wrong
        assertThatCode(() -> SettingNames.check(with(Map.of(
                        "pli.minCellSize",
                        "3",
                        "pli.bright_spots",
                        "4",
                        "spring.datasource.url",
                        "jdbc:h2:mem:x",
                        "plix.other",
                        "1"))))
                .doesNotThrowAnyException();
    }

    @Test
    void environmentVariablesAreNotCheckedBecauseTheWrapperSharesThePrefix() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment", Map.of("PLI_INBOX", "/srv/inbox", "PLI_PSEUDONYM_KEY", "k")));
        assertThatCode(() -> SettingNames.check(env)).doesNotThrowAnyException();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(SettingNames.distance("min-cel-size", "min-cell-size")).isEqualTo(1); // one insertion
        assertThat(SettingNames.distance("kitten", "sitting")).isEqualTo(3); // k→s, e→i, +g
        assertThat(SettingNames.distance("", "abc")).isEqualTo(3);
    }
}
