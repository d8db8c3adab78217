package org.sea.pli.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the command line into pl-impact's own options, parsed by picocli, and Spring Boot
 * properties, which Spring binds (spec §7: {@code --pli.min-cell-size=5},
 * {@code --spring.datasource.url=…}, {@code --logging.structured.format.console=ecs}). This is the
 * one place the Spring arguments are collected; picocli never sees them, so it cannot reject them.
 *
 * @param settings the Spring Boot properties, in command-line order
 * @param options  everything else: the verb and its options
 */
record SpringArguments(List<String> settings, List<String> options) {

    static final List<String> PREFIXES = List.of("--pli.", "--spring.", "--logging.");

    static SpringArguments split(String[] args) {
        List<String> settings = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String a : args) {
            if (PREFIXES.stream().anyMatch(a::startsWith)) {
                if (!a.contains("=")) {
                    String verb = options.isEmpty() || options.get(0).startsWith("-") ? null : options.get(0);
                    throw new UsageException(verb, "setting " + a + " needs a value: " + a + "=VALUE");
                }
                settings.add(a);
            } else {
                options.add(a);
            }
        }
        return new SpringArguments(List.copyOf(settings), List.copyOf(options));
    }
}
