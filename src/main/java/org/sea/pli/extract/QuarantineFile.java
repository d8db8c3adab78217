package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The quarantine file of one inbox file, created on its first rejected row (§3.1). */
final class QuarantineFile {
    private final QuarantineStore store;
    private final String path;
    private CsvWriter writer;
    private final List<String> line = new ArrayList<>();

    QuarantineFile(QuarantineStore store, String path) {
        this.store = store;
        this.path = path;
    }

    void write(CsvRecord header, CsvRecord record, RowReason reason) throws IOException {
        if (writer == null) {
            OutputStream out = store.create(path);
            writer = CsvWriter.builder()
                    .lineDelimiter(LineDelimiter.LF)
                    .build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            line.clear();
            header.getFields().forEach(f -> line.add(SpreadsheetSafe.field(f)));
            line.add("_line");
            line.add("_reason");
            writer.writeRecord(line);
        }
        line.clear();
        record.getFields().forEach(f -> line.add(SpreadsheetSafe.field(f)));
        line.add(Long.toString(record.getStartingLineNumber()));
        line.add(reason.code());
        writer.writeRecord(line);
    }

    void discard() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            store.delete(path);
        }
    }

    void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
