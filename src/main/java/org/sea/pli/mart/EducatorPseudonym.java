package org.sea.pli.mart;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sea.pli.storage.Sha256;

/**
 * {@code educator_key} of spec §5.1: lowercase hex HMAC-SHA256 of the educator_id (UTF-8)
 * under the pseudonym key. The key itself is never written anywhere; its SHA-256 fingerprint is.
 */
public final class EducatorPseudonym {

    private final Mac mac;
    private final String fingerprint;

    public EducatorPseudonym(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            fingerprint = Sha256.of(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Not thread-safe: one instance per writing thread. */
    public String key(String educatorId) {
        return Sha256.hex(mac.doFinal(educatorId.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of the key, for the manifest (§6). */
    public String fingerprint() {
        return fingerprint;
    }
}
