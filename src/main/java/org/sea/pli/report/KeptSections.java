package org.sea.pli.report;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Sha256;

/**
 * The sections of each LEA page below its submission checklist — its files, cohorts, funding,
 * credible evidence and evidence ladder — kept from an earlier report when they would be drawn
 * again byte for byte (docs/spec.md §6.1). They are drawn only from the LEA's own load_report,
 * cohort_impact and funding_efficiency rows and every LEA's evidence_coverage rows, so a key over
 * those rows (as the report reads them) decides; the checklist, which moves with the as-of date,
 * and the page's frame are drawn for this run. An earlier page that is not what its run recorded
 * is drawn whole. Collects this run's keys for the next run.
 */
public final class KeptSections {

    private final FileSystem fs;
    private final Path earlierDir;
    private final Map<String, String> earlierPages;
    private final Map<String, String> earlierKeys;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    /**
     * @param earlierDir   the earlier report's directory
     * @param earlierPages its pages (relative to it) → their SHA-256, as its run's manifest records them
     * @param earlierKeys  its LEA pages' section keys, by LEA
     */
    public KeptSections(
            FileSystem fs, Path earlierDir, Map<String, String> earlierPages, Map<String, String> earlierKeys) {
        this.fs = fs;
        this.earlierDir = earlierDir;
        this.earlierPages = Map.copyOf(earlierPages);
        this.earlierKeys = Map.copyOf(earlierKeys);
    }

    /** Nothing to keep: every page is drawn whole. */
    public static KeptSections none() {
        return new KeptSections(null, null, Map.of(), Map.of());
    }

    /** This run's section key of each LEA page, by LEA. */
    public SortedMap<String, String> keys() {
        return new TreeMap<>(keys);
    }

    /** How many LEA pages kept their sections. */
    public int kept() {
        return kept.get();
    }

    /** The earlier page's sections when they were drawn under {@code key}; else null (drawn whole). */
    PagePart earlier(String lea, String key) {
        keys.put(lea, key);
        String path = Report.leaPage(lea);
        String sha256 = earlierPages.get(path);
        if (!key.equals(earlierKeys.get(lea)) || sha256 == null) {
            return null;
        }
        try {
            PagePart sections = PagePart.read(fs, new Path(earlierDir, path), sha256, PagePart.Kind.LEA_SECTIONS);
            kept.incrementAndGet();
            return sections;
        } catch (IOException e) {
            return null; // not the recorded page, or unreadable: drawn whole, to the same bytes
        }
    }

    /**
     * SHA-256 of values as the report holds them: strings, numbers, dates, the report's row records
     * (every component, in order) and lists and maps of them. Each value goes in with its kind and
     * its length where it has one, so no two different sequences of values give the same bytes.
     * Doubles go in as their bits, not their text (formatting them was most of the keys' cost).
     */
    static String digest(List<?> values) {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 12);
        Digest d = new Digest(digest, buffer);
        for (Object v : values) {
            d.add(v);
        }
        d.flush();
        return Sha256.hex(digest);
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** Values into a digest through a buffer. */
    private record Digest(MessageDigest digest, ByteBuffer buffer) {
        void add(Object v) {
            if (v == null) {
                tag('n');
            } else if (v instanceof String s) {
                tag('s');
                room(4);
                buffer.putInt(s.length());
                for (int i = 0; i < s.length(); i++) {
                    room(2);
                    buffer.putChar(s.charAt(i));
                }
            } else if (v instanceof Double x) {
                tag('d');
                room(8);
                buffer.putLong(Double.doubleToLongBits(x));
            } else if (v instanceof Integer x) {
                tag('i');
                room(4);
                buffer.putInt(x);
            } else if (v instanceof Long x) {
                tag('l');
                room(8);
                buffer.putLong(x);
            } else if (v instanceof Boolean x) {
                tag(x ? 'T' : 'F');
            } else if (v instanceof List<?> list) {
                tag('[');
                room(4);
                buffer.putInt(list.size());
                list.forEach(this::add);
            } else if (v instanceof Map<?, ?> map) {
                tag('{');
                room(4);
                buffer.putInt(map.size());
                map.forEach((k, x) -> {
                    add(k);
                    add(x);
                });
            } else if (v instanceof Record r) {
                tag('r');
                add(r.getClass().getName());
                for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                    try {
                        add(c.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            } else {
                // BigDecimal, LocalDate: their text is exact and canonical
                tag('t');
                add(v.getClass().getName());
                add(v.toString());
            }
        }

        private void tag(char kind) {
            room(1);
            buffer.put((byte) kind);
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void flush() {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
