package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of an LEA-year's part of a mart ({@link YearMart#part}): rows of nulls, strings, ints,
 * longs, doubles (as their bits), booleans, decimals (unscaled value and scale: exact, scale kept)
 * and double arrays; counts, ints and longs as varints. A string is written once per part and then
 * referred to by number (lea, activity, cohort and model ids repeat on every row). Decoding gives
 * back equal values of the same classes, so a mart fed the decoded part writes the bytes it writes
 * from the LEA-year.
 */
public final class PartCodec {

    private static final int NULL = 0;
    private static final int NEW_STRING = 1;
    private static final int STRING = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int TRUE = 6;
    private static final int FALSE = 7;
    private static final int DECIMAL = 8;
    private static final int DOUBLES = 9;

    private PartCodec() {}

    public static byte[] encode(List<Object[]> rows) {
        Out out = new Out(64 + rows.size() * 48);
        Map<String, Integer> strings = new HashMap<>();
        out.varint(rows.size());
        for (Object[] row : rows) {
            out.varint(row.length);
            for (Object v : row) {
                write(out, v, strings);
            }
        }
        return out.bytes();
    }

    private static void write(Out out, Object v, Map<String, Integer> strings) {
        if (v == null) {
            out.put(NULL);
        } else if (v instanceof String s) {
            Integer known = strings.putIfAbsent(s, strings.size());
            if (known != null) {
                out.put(STRING);
                out.varint(known);
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                out.put(NEW_STRING);
                out.varint(utf8.length);
                out.put(utf8);
            }
        } else if (v instanceof Integer i) {
            out.put(INT);
            out.zigzag(i);
        } else if (v instanceof Long l) {
            out.put(LONG);
            out.zigzag(l);
        } else if (v instanceof Double d) {
            out.put(DOUBLE);
            out.fixed(Double.doubleToRawLongBits(d));
        } else if (v instanceof Boolean b) {
            out.put(b ? TRUE : FALSE);
        } else if (v instanceof BigDecimal d) {
            out.put(DECIMAL);
            out.zigzag(d.scale());
            byte[] unscaled = d.unscaledValue().toByteArray();
            out.varint(unscaled.length);
            out.put(unscaled);
        } else if (v instanceof double[] a) {
            out.put(DOUBLES);
            out.varint(a.length);
            for (double d : a) {
                out.fixed(Double.doubleToRawLongBits(d));
            }
        } else {
            throw new IllegalArgumentException(
                    "a mart part holds no " + v.getClass().getName());
        }
    }

    /** The rows {@link #encode} was given; bytes it did not write are an {@link IOException}. */
    public static List<Object[]> decode(byte[] part) throws IOException {
        In in = new In(part);
        List<String> strings = new ArrayList<>();
        int n = in.count();
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[in.count()];
            for (int i = 0; i < row.length; i++) {
                row[i] = read(in, strings);
            }
            rows.add(row);
        }
        if (in.at != part.length) {
            throw new IOException("a mart part with " + (part.length - in.at) + " bytes after its rows");
        }
        return rows;
    }

    private static Object read(In in, List<String> strings) throws IOException {
        int tag = in.get();
        switch (tag) {
            case NULL:
                return null;
            case NEW_STRING:
                int length = in.count();
                String s = new String(in.bytes, in.at, length, StandardCharsets.UTF_8);
                in.at += length;
                strings.add(s);
                return s;
            case STRING:
                long i = in.varint();
                if (i >= strings.size()) {
                    throw new IOException("a mart part names string " + i + " of " + strings.size());
                }
                return strings.get((int) i);
            case INT:
                return (int) in.zigzag();
            case LONG:
                return in.zigzag();
            case DOUBLE:
                return Double.longBitsToDouble(in.fixed());
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case DECIMAL:
                int scale = (int) in.zigzag();
                int size = in.count();
                BigInteger unscaled = new BigInteger(in.bytes, in.at, size);
                in.at += size;
                return new BigDecimal(unscaled, scale);
            case DOUBLES:
                int values = in.count();
                double[] a = new double[values];
                for (int k = 0; k < values; k++) {
                    a[k] = Double.longBitsToDouble(in.fixed());
                }
                return a;
            default:
                throw new IOException("a mart part with value tag " + tag);
        }
    }

    /** A growing byte array: unsigned LEB128 varints, zigzag for signed ones, doubles as 8 bytes. */
    private static final class Out {
        private byte[] bytes;
        private int at;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (at + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(at + n, bytes.length * 2));
            }
        }

        void put(int b) {
            room(1);
            bytes[at++] = (byte) b;
        }

        void put(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, at, b.length);
            at += b.length;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                bytes[at++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[at++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void fixed(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[at++] = (byte) (v >>> shift);
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, at);
        }
    }

    /** Reads what {@link Out} wrote; running past the end is an {@link IOException}. */
    private static final class In {
        final byte[] bytes;
        int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int get() throws IOException {
            if (at >= bytes.length) {
                throw new IOException("a mart part ends early");
            }
            return bytes[at++] & 0xFF;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = get();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("a mart part with a varint over 64 bits");
        }

        /** A length or count: at most what the bytes left could hold. */
        int count() throws IOException {
            long n = varint();
            if (n > bytes.length - at) {
                throw new IOException(
                        "a mart part gives a length of " + n + " with " + (bytes.length - at) + " bytes left");
            }
            return (int) n;
        }

        long zigzag() throws IOException {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        long fixed() throws IOException {
            if (at + 8 > bytes.length) {
                throw new IOException("a mart part ends early");
            }
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (bytes[at++] & 0xFF);
            }
            return v;
        }
    }
}
