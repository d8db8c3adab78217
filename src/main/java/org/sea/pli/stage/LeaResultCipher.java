package org.sea.pli.stage;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of an LEA result after its header are encrypted (AES-GCM): it holds educator ids (the folded tallies are
 * keyed by them) and the LEA's quarantined raw rows, and, unlike the run's restricted quarantine
 * folder, the reuse store outlives the run. The key is derived from the pseudonym key
 * (PLI_PSEUDONYM_KEY), which every run already needs and nothing writes down: a reader of the
 * warehouse alone learns no id from it. A result encrypted under another key fails its tag check
 * and is loaded again, like any other unusable result. The nonce is random: these files are
 * working state, never compared by bytes.
 */
final class LeaResultCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom NONCES = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * One cipher per thread, initialised again for every part: a new one per part looked up the
     * provider and expanded the AES key each time (thousands of parts a night), and the key
     * expansion became hot enough for the optimizing compiler to compile it several times over.
     * A cipher initialised with the key it already holds keeps its expanded key.
     */
    private final ThreadLocal<Cipher> ciphers = new ThreadLocal<>();

    LeaResultCipher(byte[] pseudonymKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            // a key of its own, so the pseudonyms' HMAC key is never used for anything else
            byte[] derived = mac.doFinal("pl-impact LEA result encryption".getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /**
     * Writes one part: its length, a fresh nonce and {@code plain} encrypted, bound to
     * {@code context} (GCM's associated data: the result's key and the part's name), so a part
     * moved into another result, or into another place of the same one, fails its tag. One call
     * over the whole part: AES-GCM through a cipher stream is many times slower than one
     * {@code doFinal}, and a part is one LEA's tallies of one school year at most.
     */
    void writePart(DataOutput out, byte[] plain, String context) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        byte[] encrypted;
        try {
            encrypted = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
        out.writeInt(NONCE_BYTES + encrypted.length);
        out.write(nonce);
        out.write(encrypted);
    }

    /**
     * A part {@link #writePart} wrote under the same {@code context}, decrypted; another key or
     * context, a torn part or a length beyond {@code limit} (the file's length) is an {@link IOException}.
     */
    byte[] readPart(DataInput in, String context, long limit) throws IOException {
        int length = in.readInt();
        if (length < NONCE_BYTES || length > limit) {
            throw new IOException("a part of " + length + " bytes in a file of " + limit);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.readFully(nonce);
        byte[] encrypted = new byte[length - NONCE_BYTES];
        in.readFully(encrypted);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "it does not decrypt under this pseudonym key ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** {@code plain} encrypted under {@code context}, as nonce and ciphertext (a mart part, §6.1). */
    byte[] seal(byte[] plain, String context) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            sealed = new byte[NONCE_BYTES + c.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            c.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
        return sealed;
    }

    /** What {@link #seal} sealed under the same {@code context}; anything else is an {@link IOException}. */
    byte[] open(byte[] sealed, String context) throws IOException {
        if (sealed.length < NONCE_BYTES) {
            throw new IOException("a sealed part of " + sealed.length + " bytes");
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, context)
                    .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "it does not decrypt under this pseudonym key ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /**
     * Starts, on a thread of its own, many AES-GCM rounds over a few bytes under a throwaway key.
     * JDK 17 runs GCM's GHASH and counter mode as plain Java until the JIT has compiled their
     * callers with the CPU's instructions in place, and a run's few hundred large parts (one call
     * each) never bring that about: a fresh JVM decrypted 100 MB of parts in 1.4–2.7 CPU-seconds, a
     * warm one in under 0.1. Thousands of small calls do, in well under a second of one thread, so
     * the parts a load and the marts read and write are encrypted at the CPU's speed.
     */
    static void warmUp() {
        Thread t = new Thread(
                () -> {
                    try {
                        byte[] keyBytes = new byte[16];
                        NONCES.nextBytes(keyBytes);
                        SecretKeySpec throwaway = new SecretKeySpec(keyBytes, "AES");
                        byte[] nonce = new byte[NONCE_BYTES];
                        byte[] plain = new byte[64];
                        byte[] context = "warm-up".getBytes(StandardCharsets.UTF_8);
                        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                            nonce[0] = (byte) i;
                            nonce[1] = (byte) (i >>> 8);
                            c.init(Cipher.ENCRYPT_MODE, throwaway, new GCMParameterSpec(TAG_BITS, nonce));
                            c.updateAAD(context);
                            byte[] sealed = c.doFinal(plain);
                            c.init(Cipher.DECRYPT_MODE, throwaway, new GCMParameterSpec(TAG_BITS, nonce));
                            c.updateAAD(context);
                            c.doFinal(sealed);
                        }
                    } catch (GeneralSecurityException e) {
                        // only a speed-up: the parts are encrypted all the same
                    }
                },
                "cipher-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Enough calls for the JIT's optimizing tier (5,000 invocations by default) to compile the callers. */
    private static final int WARM_UP_ROUNDS = 12_000;

    /** Passes over a part without decrypting it. */
    static void skipPart(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < NONCE_BYTES) {
            throw new IOException("a part of " + length + " bytes");
        }
        in.skipNBytes(length);
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws IOException {
        try {
            Cipher c = ciphers.get();
            if (c == null) {
                c = Cipher.getInstance("AES/GCM/NoPadding");
                ciphers.set(c);
            }
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up AES-GCM: " + e.getMessage(), e);
        }
    }
}
