package org.sea.pli.extract;

/**
 * Folds the accepted rows of one file into the derived units (docs/spec.md §4) as they stream by.
 * Whether the file is in force for a school year is only known once the file is read whole
 * (§1.1, §3.2), so a fold keeps its rows apart per school year until told to {@link #commit}.
 */
public interface ExtractFold {

    /** An accepted row; the instance is reused, so copy what you keep. */
    void accept(ExtractRow row);

    /** The file is in force for this school year: merge its rows of that year. */
    void commit(int schoolYear);

    /** A fold that keeps nothing. */
    ExtractFold NONE = new ExtractFold() {
        @Override
        public void accept(ExtractRow row) {}

        @Override
        public void commit(int schoolYear) {}
    };
}
