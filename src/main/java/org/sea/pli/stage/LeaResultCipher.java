package org.sea.pli.stage;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
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

    /** The body's stream: writes a fresh nonce to {@code out}, then encrypts what is written to the result. */
    DataOutputStream encrypting(DataOutput header, OutputStream out) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        header.write(nonce);
        return new DataOutputStream(new CipherOutputStream(out, cipher(Cipher.ENCRYPT_MODE, nonce)));
    }

    /** Reads the nonce, then decrypts; a wrong key or a torn body is an {@link IOException} at the latest at the end. */
    DataInputStream decrypting(DataInput header, InputStream in) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        header.readFully(nonce);
        return new DataInputStream(new CipherInputStream(in, cipher(Cipher.DECRYPT_MODE, nonce)));
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
