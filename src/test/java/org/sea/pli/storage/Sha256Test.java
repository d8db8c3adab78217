package org.sea.pli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void theDigestOfAStreamIsFips180sVectorAndCoversEveryReadOfALongStream() throws IOException {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertThat(Sha256.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // FIPS 180-2, appendix B.3: one million 'a', read in 64 KiB pieces (15 whole and a part)
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        assertThat(Sha256.of(new ByteArrayInputStream(million)))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}
