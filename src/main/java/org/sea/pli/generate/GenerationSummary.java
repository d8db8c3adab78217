package org.sea.pli.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link InboxGenerator#generate} wrote.
 *
 * @param files          number of files written (including {@code _state} and deliberately bad files)
 * @param rowsPerExtract data rows written per extract name of spec §2 (good and planted bad rows,
 *                       over every file of that extract), in spec §2 order
 */
public record GenerationSummary(int files, Map<String, Long> rowsPerExtract) {
    public GenerationSummary {
        // insertion order kept (Map.copyOf would iterate in a per-JVM random order)
        rowsPerExtract = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerExtract));
    }
}
