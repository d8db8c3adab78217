package org.sea.pli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Sha256;

/** The body of a written page, which {@link Report#redraw} keeps while it draws the page's frame again. */
final class PageBodies {

    private static final String MAIN_START = "<main>";
    private static final String MAIN_END = "</main>";

    private PageBodies() {}

    /**
     * A page's body, {@code <main>} to {@code </main>}: the page's text holds no other such tags, as
     * every text drawn from a mart or a run is escaped and the charts' SVG has no {@code main}.
     */
    static String read(FileSystem fs, Path page, String sha256) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(page)) {
            bytes = in.readAllBytes();
        }
        if (!Sha256.of(bytes).equals(sha256)) {
            throw new IOException(page + " is not what its run recorded");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.indexOf(MAIN_START);
        int end = text.lastIndexOf(MAIN_END);
        if (start < 0 || end < start) {
            throw new IOException(page + " has no <main> to keep");
        }
        return text.substring(start, end + MAIN_END.length());
    }
}
