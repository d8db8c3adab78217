package org.sea.pli.extract;

/**
 * Where {@link ExtractFileReader} reports rows read, for progress lines. Called every
 * {@link #BATCH} rows and once at the end of each file, never per row, so it stays off the hot path.
 */
public interface ReadProgress {

    /** Rows between two reports within one file. */
    int BATCH = 10_000;

    ReadProgress NONE = new ReadProgress() {
        @Override
        public void rowsRead(long rows) {}

        @Override
        public void fileRead(long rows) {}
    };

    /** {@code rows} more rows read (a multiple of {@link #BATCH}) in a file still being read. */
    void rowsRead(long rows);

    /** A file finished; {@code rows} are its rows not yet reported through {@link #rowsRead}. */
    void fileRead(long rows);
}
