package org.sea.pli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Sha256;

/**
 * A written page's body, {@code <main>} to {@code </main>}, which {@link Report#redraw} keeps while
 * it draws the page's frame again. A page holds no other such tags: every text drawn from a mart or
 * a run is escaped, and the charts' SVG has no {@code main}. The body is kept as the page's bytes
 * (UTF-8, the tags ASCII), never decoded and encoded again.
 */
final class PageBodies {

    /** What the frame is drawn around: an empty body, which marks where the kept one goes. */
    static final String EMPTY = "<main></main>";

    private static final byte[] START = "<main>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</main>".getBytes(StandardCharsets.US_ASCII);

    private final byte[] page;
    private final int start;
    private final int end;

    private PageBodies(byte[] page, int start, int end) {
        this.page = page;
        this.start = start;
        this.end = end;
    }

    /** The body of {@code page}, checked against the SHA-256 its run recorded. */
    static PageBodies read(FileSystem fs, Path page, String sha256) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(page)) {
            bytes = in.readAllBytes();
        }
        if (!Sha256.of(bytes).equals(sha256)) {
            throw new IOException(page + " is not what its run recorded");
        }
        int start = indexOf(bytes, START);
        int end = lastIndexOf(bytes, END);
        if (start < 0 || end < start) {
            throw new IOException(page + " has no <main> to keep");
        }
        return new PageBodies(bytes, start, end + END.length);
    }

    /**
     * Writes {@code frame} (a page drawn around {@link #EMPTY}) with this body in place of the empty
     * one: the bytes of the page drawn whole, as {@link PageWriter} would write them.
     */
    void writeInto(String frame, OutputStream out) throws IOException {
        int at = frame.indexOf(EMPTY);
        if (at < 0 || frame.indexOf(EMPTY, at + 1) >= 0) {
            throw new IllegalStateException("the frame has no single place for the body");
        }
        out.write(frame.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(page, start, end - start);
        out.write(frame.substring(at + EMPTY.length()).getBytes(StandardCharsets.UTF_8));
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
