package org.sea.pli.model;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sea.pli.extract.ExtractSchema;

/**
 * The in-force rows of one LEA, folded as far as docs/spec.md §4 allows before the statewide
 * standardization of §4.3: per school year, activities, funding and per-participation tallies.
 * Filled by the per-extract folds ({@link LeaModels}) as files are committed; one thread per LEA.
 */
public final class LeaModel {

    final String leaId;
    final Map<Integer, Map<String, Activity>> activities = new TreeMap<>();
    final Map<Integer, List<FundingLine>> funding = new TreeMap<>();
    final Map<Integer, Set<ParticipationKey>> enrollments = new TreeMap<>();
    final Map<Integer, Map<ParticipationKey, AttendanceTally>> attendance = new TreeMap<>();
    final Map<Integer, Map<ParticipationKey, SatisfactionTally>> satisfaction = new TreeMap<>();
    final Map<Integer, Map<ParticipationKey, PracticeTally>> practice = new TreeMap<>();
    final Map<Integer, Map<String, EducatorOutcomes>> outcomes = new TreeMap<>();
    final Map<Integer, Integer> students = new TreeMap<>();
    /**
     * Rubric dimensions in the order this LEA's ratings first named them: a {@link PracticeTally}
     * keeps its per-dimension sums in small arrays indexed by this list (§4.9), not in a map per key.
     */
    final List<String> dimensions = new java.util.ArrayList<>();

    /**
     * One instance per distinct key and educator id, shared by all the maps above; only needed while
     * folding, so not part of {@link LeaModelFormat} (a restored model shares its instances anyway).
     */
    private final Map<ParticipationKey, ParticipationKey> keys = new java.util.HashMap<>();

    private final Map<String, String> educators = new java.util.HashMap<>();

    /**
     * A restored model's school years whose tallies are still in the store (docs/spec.md §6.1: a
     * night reads only the years it computes marts for), where to read them, and the instances
     * the parts read so far share; empty and null for a folded model.
     */
    private final Set<Integer> unread = new TreeSet<>();

    private StoredYears stored;
    private ModelData.Shared shared;

    LeaModel(String leaId) {
        this.leaId = leaId;
    }

    /**
     * The canonical key of a P element. Every accepted row brings fresh strings; sharing one key
     * per element across the four participation extracts keeps the model to about a third of the
     * memory at state scale (it is what the marts step holds for every LEA at once).
     */
    ParticipationKey participation(String activityId, String educatorId) {
        ParticipationKey probe = new ParticipationKey(activityId, educatorId);
        ParticipationKey known = keys.get(probe);
        if (known == null) {
            known = new ParticipationKey(educator(activityId), educator(educatorId));
            keys.put(known, known);
        }
        return known;
    }

    /** The index of a rubric dimension in {@link #dimensions}, adding it when new. */
    int dimension(String dimension) {
        int at = dimensions.indexOf(dimension); // a handful of dimensions (§4.9): a scan beats a map
        if (at < 0) {
            dimensions.add(dimension);
            at = dimensions.size() - 1;
        }
        return at;
    }

    /** The canonical instance of an educator (or activity) id. */
    String educator(String educatorId) {
        String known = educators.putIfAbsent(educatorId, educatorId);
        return known != null ? known : educatorId;
    }

    /** The rubric dimensions in the order this LEA's tallies index them (§4.9). */
    public List<String> dimensions() {
        return java.util.Collections.unmodifiableList(dimensions);
    }

    public String leaId() {
        return leaId;
    }

    /** School years with any in-force row, whether or not their tallies have been read. */
    public Set<Integer> years() {
        Set<Integer> years = new TreeSet<>(unread);
        for (String extract : ExtractSchema.NAMES) {
            fieldsOf(extract).forEach(m -> years.addAll(m.keySet()));
        }
        return years;
    }

    /** A restored model: {@code years} are in {@code stored}, to be read when a run needs them. */
    void stored(List<Integer> years, StoredYears stored, ModelData.Shared shared) {
        this.unread.addAll(years);
        this.stored = years.isEmpty() ? null : stored;
        this.shared = years.isEmpty() ? null : shared;
    }

    /** Reads the tallies of those of {@code years} that are still stored; a no-op for a folded model. */
    public void readYears(Set<Integer> years) throws IOException {
        Set<Integer> wanted = new TreeSet<>(years);
        wanted.retainAll(unread);
        if (wanted.isEmpty()) {
            return;
        }
        Map<Integer, byte[]> parts = stored.read(wanted);
        for (int year : wanted) {
            byte[] part = parts.get(year);
            if (part == null) {
                throw new IOException("the stored result of LEA " + leaId + " lacks school year " + year);
            }
            LeaModelFormat.readYear(this, year, part, shared);
            unread.remove(year);
        }
        if (unread.isEmpty()) {
            stored = null;
            shared = null;
        }
    }

    /**
     * Starts a model's rubric dimensions with an earlier model's, before any row is folded: the
     * earlier model's school years adopted later ({@link #adoptYears}) index their tallies by that
     * list, and a dimension new to this fold is added after it.
     */
    public void seedDimensions(List<String> earlier) {
        if (!dimensions.isEmpty()) {
            throw new IllegalStateException("LEA " + leaId + " has folded ratings already");
        }
        dimensions.addAll(earlier);
    }

    /**
     * Takes over {@code years} of {@code earlier}, a model of the same LEA (docs/spec.md §6.1: a
     * changed LEA keeps the school years its new files do not touch). A year {@code earlier} has
     * read moves whole; a year still in its store comes as its stored part, undecoded, and is read
     * only if a run needs its tallies — a checkpoint writes it back as those bytes ({@link
     * LeaModelFormat#yearPart}). This model must have been {@linkplain #seedDimensions seeded} with
     * the earlier model's dimensions, by which those tallies are indexed, and hold none of those years.
     */
    public void adoptYears(LeaModel earlier, Set<Integer> years) throws IOException {
        requireSeededFrom(earlier);
        for (int year : years) {
            if (years().contains(year)) {
                throw new IllegalStateException("LEA " + leaId + " has school year " + year + " already");
            }
        }
        Set<Integer> stillStored = new TreeSet<>(years);
        stillStored.retainAll(earlier.unread);
        if (!stillStored.isEmpty()) {
            Map<Integer, byte[]> parts = new TreeMap<>(earlier.stored.read(stillStored));
            if (!parts.keySet().containsAll(stillStored)) {
                throw new IOException("the stored result of LEA " + leaId + " lacks a school year of " + stillStored);
            }
            parts.keySet().retainAll(stillStored);
            hold(parts);
        }
        for (int year : years) {
            if (!stillStored.contains(year)) {
                moveExtracts(earlier, year, ExtractSchema.NAMES);
            }
        }
    }

    /** Fails unless this model's rubric dimensions start with {@code earlier}'s, by which its tallies are indexed. */
    private void requireSeededFrom(LeaModel earlier) {
        if (dimensions.size() < earlier.dimensions.size()
                || !dimensions.subList(0, earlier.dimensions.size()).equals(earlier.dimensions)) {
            throw new IllegalStateException("LEA " + leaId + ": dimensions not seeded from the earlier model");
        }
    }

    /**
     * Takes over the tallies of {@code extracts} for {@code year} from {@code earlier}, whose year is
     * read (docs/spec.md §6.1: a school year a changed LEA's new files touch only in other extracts
     * keeps these extracts' tallies; each extract folds into tallies of its own, §4). Seeded as
     * for {@link #adoptYears}; this model must hold no tally of these extracts for the year.
     */
    public void adoptExtracts(LeaModel earlier, int year, Set<String> extracts) {
        requireSeededFrom(earlier);
        earlier.requireRead(year);
        for (String extract : extracts) {
            for (Map<Integer, ?> field : fieldsOf(extract)) {
                if (field.containsKey(year)) {
                    throw new IllegalStateException(
                            "LEA " + leaId + " has " + extract + " tallies of school year " + year + " already");
                }
            }
        }
        moveExtracts(earlier, year, extracts);
    }

    /** Moves the year's tallies of {@code extracts} from {@code earlier} into this model. */
    private void moveExtracts(LeaModel earlier, int year, Collection<String> extracts) {
        for (String extract : extracts) {
            List<Map<Integer, ?>> from = earlier.fieldsOf(extract);
            List<Map<Integer, ?>> to = fieldsOf(extract);
            for (int i = 0; i < from.size(); i++) {
                move(from.get(i), to.get(i), year);
            }
        }
    }

    /** The activity ids in force for a read school year (§2), or null when it has no activities. */
    public Set<String> activityIds(int year) {
        requireRead(year);
        Map<String, Activity> byId = activities.get(year);
        return byId == null ? null : Set.copyOf(byId.keySet());
    }

    /**
     * The maps an extract's fold commits a school year's tallies into (its {@code commit}): what a
     * changed LEA keeps of an extract it does not read again.
     */
    private List<Map<Integer, ?>> fieldsOf(String extract) {
        return switch (extract) {
            case "pl_activities" -> List.of(activities);
            case "pl_funding" -> List.of(funding);
            case "enrollments" -> List.of(enrollments);
            case "attendance" -> List.of(attendance);
            case "satisfaction" -> List.of(satisfaction);
            case "artifact_ratings" -> List.of(practice);
            case "student_outcomes" -> List.of(outcomes, students);
            default -> throw new IllegalArgumentException("no tallies for extract " + extract);
        };
    }

    /** Parts of school years this model holds undecoded, to be read like a store's when needed. */
    private void hold(Map<Integer, byte[]> parts) {
        if (stored != null) {
            throw new IllegalStateException("LEA " + leaId + " already reads school years from a store");
        }
        Map<Integer, byte[]> held = Map.copyOf(parts);
        stored(
                List.copyOf(held.keySet()),
                wanted -> {
                    Map<Integer, byte[]> some = new TreeMap<>(held);
                    some.keySet().retainAll(wanted);
                    return some;
                },
                new ModelData.Shared());
    }

    /** The stored part of a school year not read yet; null when the year's tallies are in memory. */
    byte[] storedPart(int year) throws IOException {
        if (!unread.contains(year)) {
            return null;
        }
        byte[] part = stored.read(Set.of(year)).get(year);
        if (part == null) {
            throw new IOException("the stored result of LEA " + leaId + " lacks school year " + year);
        }
        return part;
    }

    @SuppressWarnings("unchecked")
    private static void move(Map<Integer, ?> from, Map<Integer, ?> to, int year) {
        Object v = from.remove(year);
        if (v != null) {
            ((Map<Integer, Object>) to).put(year, v);
        }
    }

    /**
     * Fails when the year's tallies are stored but were not read: computing from a model without
     * them would silently give other numbers.
     */
    void requireRead(int year) {
        if (unread.contains(year)) {
            throw new IllegalStateException("the tallies of school year " + year + " of LEA " + leaId
                    + " were not read from the store before use");
        }
    }
}
