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
            for (int k = 0; k < length; k++) {
                out.writeInt(values[k]);
            }
        }
    }

    /** Reads what {@link Out} wrote, refusing counts and references no writer could have made. */
    static final class In {
        private final DataInput in;
        private final List<String> table = new ArrayList<>();
        private final Map<ParticipationKey, ParticipationKey> keys = new HashMap<>();

        In(DataInput in) {
            this.in = in;
        }

        String string() throws IOException {
            int tag = in.readInt();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                String s = in.readUTF();
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
            return keys.computeIfAbsent(k, x -> x);
        }

        void moments(GainMoments g) throws IOException {
            g.n = in.readLong();
            g.mean = in.readDouble();
            g.m2 = in.readDouble();
        }

        int[] ints() throws IOException {
            int[] values = new int[count()];
            for (int k = 0; k < values.length; k++) {
                values[k] = in.readInt();
            }
            return values;
        }
    }
}
