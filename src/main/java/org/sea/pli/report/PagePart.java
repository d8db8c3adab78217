package org.sea.pli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Sha256;

/**
 * A part of a written page that a later run keeps while it draws the rest of the page again
 * ({@link Report#redraw}, {@link KeptSections}). A part is found by its tags: a page holds each
 * only once, because every text drawn from a mart or a run is escaped and the charts' SVG has
 * none of them. The part is kept as the page's bytes (UTF-8, the tags ASCII), never decoded and
 * encoded again.
 */
final class PagePart {

    /** Which part of a page is kept, and what the page is drawn around in its place. */
    enum Kind {
        /** The page's body, {@code <main>} to {@code </main>}. */
        MAIN("<main>", "</main>", true, "<main></main>"),
        /** An LEA page's sections below its submission checklist, up to the end of the body. */
        LEA_SECTIONS("<section id=\"files-section\">", "</main>", false, "<section id=\"files-section\"></section>");

        private final byte[] start;
        private final byte[] end;
        private final boolean endIncluded;
        /** What the rest of the page is drawn around: marks where the kept part goes. */
        final String placeholder;

        Kind(String start, String end, boolean endIncluded, String placeholder) {
            this.start = start.getBytes(StandardCharsets.US_ASCII);
            this.end = end.getBytes(StandardCharsets.US_ASCII);
            this.endIncluded = endIncluded;
            this.placeholder = placeholder;
        }
    }

    private final Kind kind;
    private final byte[] page;
    private final int start;
    private final int end;

    private PagePart(Kind kind, byte[] page, int start, int end) {
        this.kind = kind;
        this.page = page;
        this.start = start;
        this.end = end;
    }

    /** The part of {@code page}, checked against the SHA-256 its run recorded. */
    static PagePart read(FileSystem fs, Path page, String sha256, Kind kind) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(page)) {
            bytes = in.readAllBytes();
        }
        if (!Sha256.of(bytes).equals(sha256)) {
            throw new IOException(page + " is not what its run recorded");
        }
        int start = indexOf(bytes, kind.start);
        int end = lastIndexOf(bytes, kind.end);
        if (start < 0 || end < start) {
            throw new IOException(page + " has no " + new String(kind.start, StandardCharsets.US_ASCII) + " to keep");
        }
        return new PagePart(kind, bytes, start, kind.endIncluded ? end + kind.end.length : end);
    }

    /**
     * Writes {@code frame} (the page drawn around the part's placeholder) with this part in place of
     * the placeholder: the bytes of the page drawn whole, as {@link PageWriter} would write them.
     */
    void writeInto(String frame, OutputStream out) throws IOException {
        int at = frame.indexOf(kind.placeholder);
        if (at < 0 || frame.indexOf(kind.placeholder, at + 1) >= 0) {
            throw new IllegalStateException("the frame has no single place for the kept part");
        }
        out.write(frame.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(page, start, end - start);
        out.write(frame.substring(at + kind.placeholder.length()).getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte[] tag) {
        for (int i = 0; i + tag.length <= bytes.length; i++) {
            if (matches(bytes, i, tag)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] tag) {
        for (int i = bytes.length - tag.length; i >= 0; i--) {
            if (matches(bytes, i, tag)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at, byte[] tag) {
        for (int j = 0; j < tag.length; j++) {
            if (bytes[at + j] != tag[j]) {
                return false;
            }
        }
        return true;
    }
}
