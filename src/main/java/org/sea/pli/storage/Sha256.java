package org.sea.pli.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as pl-impact records it everywhere (load report, manifest, verify, the pseudonym key's
 * fingerprint, checkpoint names): lowercase hex. The only place that computes or encodes one.
 */
public final class Sha256 {

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Finishes the digest: the lowercase hex of its value. */
    public static String hex(MessageDigest digest) {
        return hex(digest.digest());
    }

    /** Lowercase hex of a digest or MAC value, the one encoding pl-impact writes. */
    public static String hex(byte[] value) {
        return HexFormat.of().formatHex(value);
    }

    /** SHA-256 of a few bytes held in memory (a key, a name). */
    public static String of(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    /** Hashes the whole stream and closes it. */
    public static String of(InputStream raw) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(raw, digest)) {
            readToEnd(in);
        }
        return hex(digest);
    }

    /**
     * Reads what is left of a stream and drops it: the rest of a file a {@link DigestInputStream}
     * hashes. In 64 KiB reads: the 8 KiB of {@code InputStream.transferTo} made hashing the inbox a
     * third slower (a two-gigabyte inbox on one thread of a fresh JVM: 2.3–3.0 s against 1.7–1.8 s).
     */
    public static void readToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (in.read(buffer) != -1) {
            // the digest sees the bytes as they pass
        }
    }
}
