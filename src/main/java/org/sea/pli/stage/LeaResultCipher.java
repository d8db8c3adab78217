package org.sea.pli.stage;

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
 * The body of an LEA result is encrypted (AES-GCM): it holds educator ids (the folded tallies are
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
     * Writes a fresh nonce and the encrypted {@code body} to {@code out}. One call over the whole
     * body: AES-GCM through a cipher stream is many times slower than one {@code doFinal}, and a
     * body is one LEA's tallies.
     */
    void write(DataOutput out, byte[] body) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        out.write(nonce);
        try {
            out.write(cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** The body after the nonce, decrypted; another key or a torn body is an {@link IOException}. */
    byte[] read(DataInputStream in) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        in.readFully(nonce);
        byte[] encrypted = in.readAllBytes();
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce).doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "it does not decrypt under this pseudonym key ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up AES-GCM: " + e.getMessage(), e);
        }
    }
}
