/**
 * Reading the inbox (spec §1–§3): inbox discovery and ignored files, the {@code _state} registry
 * and rubric, the seven extract schemas loaded from {@code schemas/extracts/}, row validation with
 * reason precedence, file rejection, the supersede rule and file statuses (§1.1), quarantine
 * (§3.1) and the load-report verdict per file. One file is read by {@code ExtractFileReader}: its
 * header resolved by {@code ExtractHeader}, each row checked by {@code RowValidator} (value forms in
 * {@code ValueSyntax}), rejects written by {@code QuarantineFile}; {@code LeaLoader} orders an LEA's
 * files and applies the supersede rule.
 *
 * <p>May depend on {@code storage} for hashing and on nothing else of pl-impact; no Spring and no
 * Hadoop. Accepted rows leave through {@link org.sea.pli.extract.ExtractFold}, so this package does
 * not know what is computed from them.
 */
package org.sea.pli.extract;
