/**
 * The command line of SPEC §7: the verbs ({@code run}, {@code rerun}, {@code verify},
 * {@code generate}, {@code validate}), their options, usage errors and exit codes.
 *
 * <p>Top of the dependency graph: it may use {@code run}, {@code generate}, {@code ops} and the
 * application class, and nothing in pl-impact depends on it. Parsing and exit-code mapping live
 * here; what a verb does lives in the package it calls.
 */
package org.sea.pli.cli;
