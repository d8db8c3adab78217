package org.sea.pli.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.run.CatalogSettings;
import org.sea.pli.run.RunSettings;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * docs/spec.md §7: an unknown {@code pli.*} setting ({@code --pli.min-cel-size=3}) is a configuration
 * error naming it, never silently ignored. The known names are the components of the two
 * settings records, {@link RunSettings} and {@link OpsSettings}, so they are defined once.
 *
 * <p>Checked on the command line, application.yml and system properties. Environment variables are
 * not: the nightly wrapper's own {@code PLI_INBOX}, {@code PLI_WAREHOUSE}, … share the prefix.
 * Registered on the {@code SpringApplication} before it runs; the {@link IllegalArgumentException}
 * it throws is reported as one line, exit 2.
 */
public final class SettingNames implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String PREFIX = "pli.";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    /** Throws naming the first unknown {@code pli.*} key and the nearest known one. */
    static void check(ConfigurableEnvironment environment) {
        Map<String, String> known = known();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names)
                    || source instanceof SystemEnvironmentPropertySource) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                        && !known.containsKey(canonical(name.substring(PREFIX.length())))) {
                    throw new IllegalArgumentException("unknown setting " + name + " (did you mean "
                            + nearest(name.substring(PREFIX.length()), known) + "?)");
                }
            }
        }
    }

    /** Canonical form → {@code pli.kebab-case} name, from the settings records' components. */
    static Map<String, String> known() {
        Map<String, String> known = new TreeMap<>();
        for (Class<?> settings : List.of(RunSettings.class, OpsSettings.class, CatalogSettings.class)) {
            for (var component : settings.getRecordComponents()) {
                String kebab = component
                        .getName()
                        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                        .toLowerCase(Locale.ROOT);
                known.put(canonical(kebab), PREFIX + kebab);
            }
        }
        return known;
    }

    /** Spring's relaxed binding: {@code min-cell-size}, {@code minCellSize}, {@code min_cell_size} are one. */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String nearest(String key, Map<String, String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.values()) { // sorted, so ties go to the first name
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.substring(PREFIX.length()));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
