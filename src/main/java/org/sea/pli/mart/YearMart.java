package org.sea.pli.mart;

import java.io.IOException;
import java.util.List;
import org.sea.pli.model.LeaYear;

/**
 * A mart computed from the folded LEA models, school year by school year (spec §5.1–§5.6 and the
 * statewide lenses). {@link ImpactMarts} takes every LEA-year of a school year in lea_id order, adds
 * its {@link #part} here, then calls {@link #endYear}; a mart writes its rows in its key order, so
 * per-LEA marts write in {@link #add} and statewide ones accumulate there and write in
 * {@code endYear}.
 *
 * <p>A part is what one LEA-year gives the mart, as rows of plain values ({@link PartCodec}): the
 * LEA's rows of a per-LEA mart, or its counts and its values in order for each group of a
 * statewide one. Adding the parts of the year's LEAs in lea_id order is the same, bit for bit, as
 * computing from all the LEA-years in that order (every floating sum runs over the same values in
 * the same order), so a part kept from an earlier night stands in for an LEA-year that did not
 * change (docs/spec.md §6.1).
 */
public interface YearMart extends Mart {

    /** What one LEA-year gives this mart; it depends on nothing outside the LEA-year and the settings. */
    List<Object[]> part(LeaYear ly);

    /** Adds one LEA-year's part to {@code partition} (the school year, e.g. {@code 2025-26}). */
    void add(List<Object[]> part, String partition, MartSink sink) throws IOException;

    /** After the school year's last LEA; the mart must forget the year's state here. */
    default void endYear(int schoolYear, String partition, MartSink sink) throws IOException {}
}
