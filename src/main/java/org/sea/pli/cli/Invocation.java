package org.sea.pli.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What every verb gets from the command line besides its own options.
 *
 * @param settings the Spring Boot properties of the command line ({@code --pli.x=…}, {@code --spring.x=…},
 *                 {@code --logging.x=…}), passed through untouched to the verbs that start Spring
 */
record Invocation(PrintStream out, PrintStream err, Map<String, String> environment, List<String> settings) {}
