package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How pl-impact opens CSV (docs/spec.md §1): UTF-8 decoded strictly, a BOM tolerated, RFC 4180. */
final class CsvFiles {

    private CsvFiles() {}

    /**
     * A reader that fails ({@link java.nio.charset.MalformedInputException}) on bytes that are
     * not UTF-8, rather than replacing them: such a file is {@code unreadable} (§3.2).
     */
    static Reader strictUtf8(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Field counts are checked by the validator ({@code malformed_row}), not by the parser. */
    static CsvReader<CsvRecord> reader(Reader reader) {
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(reader);
    }
}
