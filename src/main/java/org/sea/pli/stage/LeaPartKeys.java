package org.sea.pli.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.model.LeaModel;

/**
 * What an LEA-year's parts of the marts depend on, as digests (docs/spec.md §6.1). A part
 * ({@code YearMart#part}) is computed from one LEA's year-S tallies, year S's §4.3 standardization
 * and the settings that shape marts; {@code practice_persistence}'s also from the LEA's year-S+1
 * baselines (§4.8).
 *
 * <ul>
 *   <li>The standardization of S is over every LEA's {@code student_outcomes} rows of S, which are
 *       functions of the {@code student_outcomes} files that claim S with their status (§1.1, §3.2:
 *       those rows are checked against nothing of another extract), the {@code _state} files and
 *       pl-impact's version: the <b>outcomes key</b> of S.
 *   <li>An LEA's year-S tallies are functions of its files that claim S with their status, the
 *       {@code _state} files and its rubric-dimension order (as for {@link PartitionKeys}). With the
 *       outcomes key and the settings, that is the <b>year key</b> of the LEA-year; the
 *       <b>persistence key</b> adds the LEA's files that claim S+1.
 * </ul>
 */
final class LeaPartKeys {

    /** The keys of one LEA-year. */
    record Keys(String year, String persistence) {}

    private final Map<Integer, String> outcomes = new TreeMap<>();
    private final Map<Integer, Map<String, Keys>> leaYears = new TreeMap<>();

    private LeaPartKeys() {}

    /**
     * The keys of {@code years}: the outcomes key of each, and the keys of each of its LEA-years;
     * {@code stateFiles} as {@link PartitionKeys#stateFiles} gave.
     */
    static LeaPartKeys of(LoadResult load, String settings, String stateFiles, Set<Integer> years) {
        String state = ToolVersion.plImpact() + stateFiles;
        Map<String, List<FileOutcome>> byLea = new HashMap<>();
        for (FileOutcome o : load.outcomes()) {
            if (o.result() != null) {
                byLea.computeIfAbsent(o.file().leaId(), k -> new ArrayList<>()).add(o);
            }
        }
        LeaPartKeys keys = new LeaPartKeys();
        for (int year : years) {
            StringBuilder outcomes = new StringBuilder(state).append("\noutcomes\n");
            for (FileOutcome o : load.outcomes()) {
                if ("student_outcomes".equals(o.file().extract()) && PartitionKeys.claims(o, year)) {
                    PartitionKeys.line(outcomes, o);
                }
            }
            String outcomesKey = PartitionKeys.digest(outcomes.toString());
            keys.outcomes.put(year, outcomesKey);
            Map<String, Keys> leas = new TreeMap<>();
            for (LeaModel m : load.models().all()) {
                if (!m.years().contains(year)) {
                    continue;
                }
                List<FileOutcome> files = byLea.getOrDefault(m.leaId(), List.of());
                String yearKey = PartitionKeys.digest(state + "|" + settings + "\n" + outcomesKey + "\n" + m.leaId()
                        + " dimensions " + m.dimensions() + "\n" + claiming(files, year));
                String persistenceKey = PartitionKeys.digest(yearKey + "\nnext year\n" + claiming(files, year + 1));
                leas.put(m.leaId(), new Keys(yearKey, persistenceKey));
            }
            keys.leaYears.put(year, leas);
        }
        return keys;
    }

    private static String claiming(List<FileOutcome> files, int year) {
        StringBuilder s = new StringBuilder();
        for (FileOutcome o : files) {
            if (PartitionKeys.claims(o, year)) {
                PartitionKeys.line(s, o);
            }
        }
        return s.toString();
    }

    /** The outcomes key of a school year of {@link #of}. */
    String outcomes(int year) {
        return outcomes.get(year);
    }

    /** The LEA-years of a school year of {@link #of}, by lea_id. */
    Map<String, Keys> leas(int year) {
        return leaYears.getOrDefault(year, Map.of());
    }
}
