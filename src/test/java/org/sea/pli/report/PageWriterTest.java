package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A page written piece by piece through {@link PageWriter} is the bytes of {@code getBytes(UTF_8)}
 * of the whole text, wherever the pieces end: also inside a surrogate pair, and with surrogates
 * that have no partner (each {@code ?}).
 */
class PageWriterTest {

    /** ASCII, Latin-1, dashes and signs of the pages, a pair (U+1F600) and lone surrogates. */
    private static final String[] PIECES = {
        "<td class=\"num\">", "1,234", "é§·", "–", "≥", "−", "\uD83D\uDE00", "\uD83D", "\uDE00", "x"
    };

    @Test
    void piecesCutAnywhereGiveTheBytesOfTheWholeText() throws IOException {
        Random random = new Random(7); // seeded: the same texts and cuts on every run
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String whole = text.toString();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PageWriter out = new PageWriter(bytes)) {
                int at = 0;
                while (at < whole.length()) {
                    int len = 1 + random.nextInt(whole.length() - at);
                    switch (random.nextInt(3)) {
                        case 0 -> out.write(whole, at, len);
                        case 1 -> out.write(whole.toCharArray(), at, len);
                        default -> {
                            len = 1;
                            out.write(whole.charAt(at));
                        }
                    }
                    at += len;
                }
            }
            assertThat(bytes.toByteArray()).as(whole).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPairSplitBetweenTwoPiecesIsOneCharacterAndALoneHalfIsAQuestionMark() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PageWriter out = new PageWriter(bytes)) {
            out.write("a\uD83D");
            out.write("\uDE00b\uD83D");
        }
        // U+1F600 is F0 9F 98 80 in UTF-8; the last high surrogate never met its partner
        assertThat(bytes.toByteArray())
                .isEqualTo(new byte[] {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'b', '?'});
    }
}
