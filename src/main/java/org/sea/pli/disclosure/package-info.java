/**
 * Disclosure avoidance (docs/spec.md §5.12): the step every public mart goes through between its
 * computation and its files, and the check of the written files before anything is published.
 *
 * <p>{@link org.sea.pli.disclosure.Disclosure} applies primary suppression (§5) and §5.12's
 * complementary and all-or-nothing suppression from the rules in {@code schemas/marts/*.json}, and
 * ranks {@code bright_spots} from what remains published. {@link org.sea.pli.disclosure.PublicationCheck}
 * reads the written marts back and restates §5.12 step 4 on its own, sharing no code with the
 * suppression, so a mistake in either is caught by the other.
 *
 * <p>May depend on {@code mart} and {@code parquet}; never on {@code stage}, {@code run},
 * {@code report} or Spring.
 */
package org.sea.pli.disclosure;
