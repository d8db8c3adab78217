/**
 * pl-impact: the nightly pipeline that turns LEA extracts into professional-learning impact marts
 * (docs/spec.md). {@code PlImpactApplication} is the Spring Boot application behind the job; the
 * entry point is in {@code cli}, which starts that context only for the verbs that need it.
 *
 * <p>Packages, from the bottom up: {@code storage}, {@code parquet} and {@code extract} know nothing
 * of the others above them; {@code model} folds extracts into the units of spec §4; {@code mart}
 * computes spec §5; {@code report} renders marts; {@code ops} is operations support; {@code run}
 * wires it all into the Spring Batch job; {@code cli} is the only entry point. {@code generate}
 * stands alone.
 */
package org.sea.pli;
