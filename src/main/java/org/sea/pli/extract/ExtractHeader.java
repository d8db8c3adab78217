package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Header resolution (spec §1): names exact but case-insensitive and trimmed; order free. */
record ExtractHeader(int[] recordIndex, boolean missingRequired, boolean duplicated, String unknownColumns) {

    static ExtractHeader of(CsvRecord header, ExtractSchema schema) {
        List<String> names = new ArrayList<>();
        for (String f : header.getFields()) {
            names.add(f.strip().toLowerCase(Locale.ROOT));
        }
        int[] at = new int[schema.columns().size()];
        boolean missing = false;
        boolean duplicated = false;
        for (int c = 0; c < at.length; c++) {
            ColumnRule rule = schema.columns().get(c);
            at[c] = names.indexOf(rule.name());
            missing |= at[c] < 0 && !rule.optional();
            duplicated |= at[c] >= 0 && names.lastIndexOf(rule.name()) != at[c]; // §3.2 duplicate_column
        }
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            boolean known = schema.columns().stream().anyMatch(c -> c.name().equals(n));
            if (!known) {
                unknown.add(n);
            }
        }
        return new ExtractHeader(at, missing, duplicated, unknown.isEmpty() ? null : String.join(",", unknown));
    }
}
