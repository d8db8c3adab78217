package org.sea.pli.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one verb: {@code --name value} options and {@code --flag} switches it knows,
 * plus Spring Boot properties ({@code --pli.x=…}, {@code --spring.x=…}, {@code --logging.x=…})
 * passed through to the application context.
 */
final class Options {

    private static final List<String> SPRING_PREFIXES = List.of("--pli.", "--spring.", "--logging.");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> springArguments = new ArrayList<>();
    private boolean help;

    static Options parse(String verb, String[] args, Set<String> valued, Set<String> flags) {
        Options o = new Options();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                o.help = true;
            } else if (SPRING_PREFIXES.stream().anyMatch(a::startsWith)) {
                if (!a.contains("=")) {
                    throw new UsageException(verb, "setting " + a + " needs a value: " + a + "=VALUE");
                }
                o.springArguments.add(a);
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (inline != null) {
                        throw new UsageException(verb, "--" + name + " takes no value");
                    }
                    o.values.put(name, "true");
                } else if (valued.contains(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(verb, "--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (o.values.put(name, value) != null) {
                        throw new UsageException(verb, "--" + name + " given twice");
                    }
                } else {
                    throw new UsageException(verb, "unknown option " + a + " for '" + verb + "'");
                }
            } else {
                throw new UsageException(verb, "unexpected argument '" + a + "'");
            }
        }
        return o;
    }

    boolean help() {
        return help;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String required(String verb, String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(verb, "missing required option --" + name);
        }
        return v;
    }

    String optional(String name) {
        return values.get(name);
    }

    List<String> springArguments() {
        return springArguments;
    }
}
