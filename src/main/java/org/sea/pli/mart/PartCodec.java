package org.sea.pli.mart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of an LEA-year's part of a mart ({@link YearMart#part}): rows of nulls, strings, ints,
 * longs, doubles (as their bits), booleans, decimals (unscaled value and scale: exact, scale kept)
 * and double arrays. A string is written once per part and then referred to by number (lea,
 * activity, cohort and model ids repeat on every row). Decoding gives back equal values of the
 * same classes, so a mart fed the decoded part writes the bytes it writes from the LEA-year.
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<String, Integer> strings = new HashMap<>();
            out.writeInt(rows.size());
            for (Object[] row : rows) {
                out.writeShort(row.length);
                for (Object v : row) {
                    write(out, v, strings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object v, Map<String, Integer> strings) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            Integer known = strings.get(s);
            if (known != null) {
                out.writeByte(STRING);
                out.writeInt(known);
            } else {
                strings.put(s, strings.size());
                out.writeByte(NEW_STRING);
                out.writeUTF(s);
            }
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            out.writeInt(d.scale());
            byte[] unscaled = d.unscaledValue().toByteArray();
            out.writeShort(unscaled.length);
            out.write(unscaled);
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double d : a) {
                out.writeLong(Double.doubleToRawLongBits(d));
            }
        } else {
            throw new IllegalArgumentException(
                    "a mart part holds no " + v.getClass().getName());
        }
    }

    /** The rows {@link #encode} was given; bytes it did not write are an {@link IOException}. */
    public static List<Object[]> decode(byte[] part) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(part));
        List<String> strings = new ArrayList<>();
        int n = in.readInt();
        if (n < 0 || n > part.length) {
            throw new IOException("a mart part of " + n + " rows in " + part.length + " bytes");
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[in.readUnsignedShort()];
            for (int i = 0; i < row.length; i++) {
                row[i] = read(in, strings);
            }
            rows.add(row);
        }
        if (in.available() != 0) {
            throw new IOException("a mart part with " + in.available() + " bytes after its rows");
        }
        return rows;
    }

    private static Object read(DataInputStream in, List<String> strings) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case NEW_STRING:
                String s = in.readUTF();
                strings.add(s);
                return s;
            case STRING:
                int i = in.readInt();
                if (i < 0 || i >= strings.size()) {
                    throw new IOException("a mart part names string " + i + " of " + strings.size());
                }
                return strings.get(i);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case DECIMAL:
                int scale = in.readInt();
                byte[] unscaled = new byte[in.readUnsignedShort()];
                in.readFully(unscaled);
                return new BigDecimal(new java.math.BigInteger(unscaled), scale);
            case DOUBLES:
                int length = in.readInt();
                if (length < 0 || length > in.available() / 8) {
                    throw new IOException("a mart part's array of " + length + " values");
                }
                double[] a = new double[length];
                for (int k = 0; k < length; k++) {
                    a[k] = Double.longBitsToDouble(in.readLong());
                }
                return a;
            default:
                throw new IOException("a mart part with value tag " + tag);
        }
    }
}
