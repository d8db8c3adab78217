package org.sea.pli.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A whole {@link LeaModel} as one byte string (its head, then each school year's part with its
 * length in front), for tests that round-trip a model through {@link LeaModelFormat} without a
 * store around it.
 */
public final class WholeModels {

    private WholeModels() {}

    /** The whole model: its head, then each year's part with its length in front. */
    public static void write(LeaModel m, DataOutput out) throws IOException {
        LeaModelFormat.writeHead(m, out);
        for (int year : m.years()) {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            LeaModelFormat.writeYear(m, year, new DataOutputStream(part));
            out.writeInt(part.size());
            out.write(part.toByteArray());
        }
    }

    /** The model {@link #write} wrote, every year read; an {@link IOException} when the bytes are not one. */
    public static LeaModel read(DataInput in) throws IOException {
        ModelData.Shared shared = new ModelData.Shared();
        LeaModelFormat.Head head = LeaModelFormat.readHead(in, shared);
        for (int year : head.years()) {
            int length = in.readInt();
            if (length < 0) {
                throw new IOException("a part of negative length " + length);
            }
            byte[] part = new byte[length];
            in.readFully(part);
            LeaModelFormat.readYear(head.model(), year, part, shared);
        }
        return head.model();
    }
}
