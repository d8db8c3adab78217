package org.sea.pli.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The primitives of {@link LeaModelFormat}: counts, tabled strings, keys, moments, int arrays. */
final class ModelData {

    /** The most bytes an array may claim when the input's length is not known. */
    private static final int MAX_BYTES = 1 << 28;

    private ModelData() {}

    /** Strings through a table: 0 null, 1 a new string, k + 2 the k-th string already written. */
    static final class Out {
        private final DataOutput out;
        private final Map<String, Integer> table = new HashMap<>();

        Out(DataOutput out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(0);
                return;
            }
            Integer known = table.get(s);
            if (known != null) {
                out.writeInt(known + 2);
                return;
            }
            table.put(s, table.size());
            out.writeInt(1);
            out.writeUTF(s);
        }

        void count(int n) throws IOException {
            out.writeInt(n);
        }

        void key(ParticipationKey k) throws IOException {
            string(k.activityId());
            string(k.educatorId());
        }

        void moments(GainMoments g) throws IOException {
            out.writeLong(g.n);
            out.writeDouble(g.mean);
            out.writeDouble(g.m2);
        }

        void ints(int[] values, int length) throws IOException {
            out.writeInt(length);
            // one write of the whole array, big-endian as DataOutput.writeInt writes each value
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(length * Integer.BYTES);
            if (length > 0) {
                bytes.asIntBuffer().put(values, 0, length);
            }
            out.write(bytes.array());
        }
    }

    /**
     * One instance per string and per participation key across every part of a model read (its
     * school years are written as separate parts, each with its own string table): the sharing
     * that keeps a restored model as small as the folded one.
     */
    static final class Shared {
        final Map<String, String> strings = new HashMap<>();
        final Map<ParticipationKey, ParticipationKey> keys = new HashMap<>();
    }

    /** Reads what {@link Out} wrote, refusing counts and references no writer could have made. */
    static final class In {
        private final DataInput in;
        private final List<String> table = new ArrayList<>();
        private final Shared shared;

        In(DataInput in, Shared shared) {
            this.in = in;
            this.shared = shared;
        }

        String string() throws IOException {
            int tag = in.readInt();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                String s = shared.strings.computeIfAbsent(in.readUTF(), x -> x);
                table.add(s);
                return s;
            }
            if (tag < 0 || tag - 2 >= table.size()) {
                throw new IOException("string reference " + tag + " beyond the " + table.size() + " read");
            }
            return table.get(tag - 2);
        }

        int count() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative count " + n);
            }
            return n;
        }

        /** One instance per key, shared by every map of the model, as {@link LeaModel#participation} does. */
        ParticipationKey key() throws IOException {
            ParticipationKey k = new ParticipationKey(string(), string());
            return shared.keys.computeIfAbsent(k, x -> x);
        }

        void moments(GainMoments g) throws IOException {
            g.n = in.readLong();
            g.mean = in.readDouble();
            g.m2 = in.readDouble();
        }

        int[] ints() throws IOException {
            int n = count();
            // a corrupt count must not allocate more than the bytes that are there
            int available = in instanceof BufferInput b ? b.remaining() : MAX_BYTES;
            if (n > available / Integer.BYTES) {
                throw new IOException("an array of " + n + " values, more than the " + available + " bytes left");
            }
            byte[] bytes = new byte[n * Integer.BYTES];
            in.readFully(bytes);
            int[] values = new int[n];
            java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(values);
            return values;
        }
    }
}
