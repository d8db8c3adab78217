/**
 * The marts of spec §5: how each mart's rows are computed from the {@code model} units, in key
 * order, whole (suppression is the {@code disclosure} step's, §5.12), the {@code educator_key}
 * pseudonym (§5.1) and the load report (§5.7).
 *
 * <p>May depend on {@code model}, {@code extract} and {@code parquet} (mart schemas).
 * Never on {@code run}, {@code report} or Spring, and on {@code storage} only for its SHA-256
 * encoding ({@code Sha256}, the pseudonym key's fingerprint): rows go to a sink, not to files.
 */
package org.sea.pli.mart;
