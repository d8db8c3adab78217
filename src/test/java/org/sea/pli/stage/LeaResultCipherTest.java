package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The reuse store's encryption: one cipher per thread, initialised again for every part. */
class LeaResultCipherTest {

    private static final byte[] KEY = "a pseudonym key".getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSealedPartOpensOnlyUnderItsContextAndKey() throws IOException {
        LeaResultCipher cipher = new LeaResultCipher(KEY);
        byte[] sealed = cipher.seal(bytes("tallies of lea-0001, 2025-26"), "lea-0001/2025-26");

        assertThat(cipher.open(sealed, "lea-0001/2025-26")).isEqualTo(bytes("tallies of lea-0001, 2025-26"));
        assertThatThrownBy(() -> cipher.open(sealed, "lea-0002/2025-26"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> new LeaResultCipher(bytes("another key")).open(sealed, "lea-0001/2025-26"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFailedPartLeavesTheThreadsCipherUsableForTheNext() throws IOException {
        LeaResultCipher cipher = new LeaResultCipher(KEY);
        byte[] first = cipher.seal(bytes("first"), "c1");
        byte[] second = cipher.seal(bytes("second"), "c2");
        byte[] torn = first.clone();
        torn[torn.length - 1] ^= 1; // the tag's last bit

        assertThatThrownBy(() -> cipher.open(torn, "c1")).isInstanceOf(IOException.class);
        assertThat(cipher.open(second, "c2")).isEqualTo(bytes("second"));
        assertThat(cipher.open(first, "c1")).isEqualTo(bytes("first"));
    }

    @Test
    void everySealHasAFreshNonce() throws IOException {
        LeaResultCipher cipher = new LeaResultCipher(KEY);
        byte[] a = cipher.seal(bytes("same"), "c");
        byte[] b = cipher.seal(bytes("same"), "c");
        // 12 bytes of nonce, 4 of plain text, 16 of tag
        assertThat(a).hasSize(12 + 4 + 16);
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.open(b, "c")).isEqualTo(bytes("same"));
    }

    @Test
    void partsWrittenAndReadInTurnOnOneThreadAndAcrossThreads() throws Exception {
        LeaResultCipher cipher = new LeaResultCipher(KEY);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                cipher.writePart(out, bytes("part " + i), "result/" + i);
                // a decryption between two encryptions on the same thread's cipher
                assertThat(cipher.open(cipher.seal(bytes("x" + i), "s"), "s")).isEqualTo(bytes("x" + i));
            }
        }
        byte[] written = file.toByteArray();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] readers = new Future<?>[3];
            for (int t = 0; t < readers.length; t++) {
                readers[t] = pool.submit(() -> {
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(written));
                    for (int i = 0; i < 50; i++) {
                        assertThat(cipher.readPart(in, "result/" + i, written.length))
                                .isEqualTo(bytes("part " + i));
                    }
                    return null;
                });
            }
            for (Future<?> r : readers) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
