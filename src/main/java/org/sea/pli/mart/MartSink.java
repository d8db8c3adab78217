package org.sea.pli.mart;

import java.io.IOException;

/** Receives mart rows, per mart in key order (school_year first). */
@FunctionalInterface
public interface MartSink {

    void row(String mart, String schoolYear, Object[] values) throws IOException;
}
