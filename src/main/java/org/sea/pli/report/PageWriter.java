package org.sea.pli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A page's text written to its file as UTF-8, each piece the template engine writes encoded by
 * {@link String#getBytes} — the JDK's fastest path for it, already compiled by the stages before
 * the report — rather than by a charset encoder over char buffers (a twentieth of the report at
 * state scale, and code the JIT compiled only for it).
 *
 * <p>The bytes are those of {@code getBytes(UTF_8)} of the whole page: a high surrogate that ends
 * one piece waits for the next, so a pair split between two pieces is still one four-byte
 * character, and a surrogate without its partner is {@code ?}, as {@code getBytes} writes it.
 */
final class PageWriter extends Writer {

    private final OutputStream out;
    /** A high surrogate that ended the last piece, or 0. */
    private char pendingHigh;

    /** @param out the page's file, buffered: pieces are often a few characters */
    PageWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        String piece = off == 0 && len == text.length() ? text : text.substring(off, off + len);
        if (pendingHigh != 0) {
            piece = pendingHigh + piece;
            pendingHigh = 0;
        }
        char last = piece.charAt(piece.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            piece = piece.substring(0, piece.length() - 1);
        }
        out.write(piece.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        write(new String(chars, off, len), 0, len);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes a high surrogate left without its partner as {@code ?}, then closes the file. */
    @Override
    public void close() throws IOException {
        try (OutputStream file = out) {
            if (pendingHigh != 0) {
                file.write(String.valueOf(pendingHigh).getBytes(StandardCharsets.UTF_8));
                pendingHigh = 0;
            }
        }
    }
}
