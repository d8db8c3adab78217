/**
 * The command line of spec §7 on picocli: one class per verb ({@code run}, {@code rerun},
 * {@code verify}, {@code generate}, {@code validate}) registered in
 * {@link org.sea.pli.cli.PlImpactCommand}, their typed options, usage errors, and the split of
 * Spring Boot properties from pl-impact's own options ({@link org.sea.pli.cli.SpringArguments}).
 * Exit codes are {@link org.sea.pli.ops.ExitCode}.
 *
 * <p>Top of the dependency graph: it may use {@code run}, {@code generate}, {@code ops}, the
 * application class, and for {@code validate} the load stage of {@code stage} and the
 * {@code load_report} rows of {@code mart}; nothing in pl-impact depends on it. Parsing and
 * exit-code mapping live here; what a verb does lives in the package it calls.
 */
package org.sea.pli.cli;
