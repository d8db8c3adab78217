package org.sea.pli.model;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.ExtractRow;

/**
 * Keeps one file's tallies apart per school year until the file is known to be in force for it
 * (spec §1.1, §3.2); each extract's fold says how a row is added and where a year is committed.
 *
 * @param <T> one school year's tally of the file
 */
abstract class YearFold<T> implements ExtractFold {

    private final int yearColumn;
    private final Map<Integer, T> pending = new HashMap<>();
    private int lastYear = -1;
    private T last;

    YearFold(int yearColumn) {
        this.yearColumn = yearColumn;
    }

    /** A new, empty tally of one school year. */
    abstract T create();

    /** Adds an accepted row (the instance is reused: copy what you keep). */
    abstract void add(T tally, ExtractRow row);

    /** Merges the tally of an in-force school year into the LEA's model. */
    abstract void commit(int schoolYear, T tally);

    @Override
    public final void accept(ExtractRow row) {
        int year = row.schoolYear(yearColumn);
        if (year != lastYear) { // rows come in runs of one school year: no boxing per row
            last = pending.computeIfAbsent(year, y -> create());
            lastYear = year;
        }
        add(last, row);
    }

    @Override
    public final void commit(int schoolYear) {
        lastYear = -1;
        T t = pending.remove(schoolYear);
        if (t != null) {
            commit(schoolYear, t);
        }
    }
}
