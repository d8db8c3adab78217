package org.sea.pli.model;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Where a restored {@link LeaModel} reads the parts of its school years from (docs/spec.md §6.1):
 * the parts {@link LeaModelFormat#writeYear} wrote, by school year.
 */
@FunctionalInterface
public interface StoredYears {

    /** The part of every one of {@code years}; an {@link IOException} when they cannot be read as stored. */
    Map<Integer, byte[]> read(Set<Integer> years) throws IOException;
}
