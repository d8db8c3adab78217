package org.sea.pli.mart;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code educator_key} of SPEC.md §5.1: lowercase hex HMAC-SHA256 of the educator_id (UTF-8)
 * under the pseudonym key. The key itself is never written anywhere; its SHA-256 fingerprint is.
 */
public final class EducatorPseudonym {

    private final Mac mac;
    private final String fingerprint;

    public EducatorPseudonym(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Not thread-safe: one instance per writing thread. */
    public String key(String educatorId) {
        return HexFormat.of().formatHex(mac.doFinal(educatorId.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of the key, for the manifest (§6). */
    public String fingerprint() {
        return fingerprint;
    }
}
