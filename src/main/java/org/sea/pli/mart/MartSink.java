package org.sea.pli.mart;

import java.io.IOException;

/** Receives mart rows, per mart in key order (school_year first). */
@FunctionalInterface
public interface MartSink {

    void row(String mart, String schoolYear, Object[] values) throws IOException;

    /**
     * Every row of school year {@code schoolYear} has been given. A sink that must see a whole
     * year before it can pass its rows on (the disclosure step, §5.12) acts here.
     */
    default void endOfYear(String schoolYear) throws IOException {}
}
