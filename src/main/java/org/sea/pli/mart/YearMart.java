package org.sea.pli.mart;

import java.io.IOException;
import org.sea.pli.model.LeaYear;

/**
 * A mart computed from the folded LEA models, school year by school year (spec §5.1–§5.6 and the
 * statewide lenses). {@link ImpactMarts} calls {@link #lea} for every LEA-year of a school year in
 * lea_id order, then {@link #endYear}; a mart writes its rows in its key order, so per-LEA marts
 * write in {@code lea} and statewide ones accumulate there and write in {@code endYear}.
 */
public interface YearMart extends Mart {

    /** One LEA-year of {@code partition} (the school year, e.g. {@code 2025-26}). */
    void lea(LeaYear ly, String partition, MartSink sink) throws IOException;

    /** After the school year's last LEA; the mart must forget the year's state here. */
    default void endYear(int schoolYear, String partition, MartSink sink) throws IOException {}
}
