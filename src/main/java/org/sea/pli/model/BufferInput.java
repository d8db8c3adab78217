package org.sea.pli.model;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * {@link DataInput} over bytes already in memory (a decrypted part of an LEA result): the values
 * {@link java.io.DataOutputStream} wrote, read straight from the array. A {@code DataInputStream}
 * over a {@code ByteArrayInputStream} takes a synchronized call per byte, which was most of the
 * time spent restoring a model. Reading past the end is an {@link EOFException}.
 */
final class BufferInput implements DataInput {

    private final ByteBuffer bytes; // big-endian, as DataOutput writes

    BufferInput(byte[] bytes) {
        this.bytes = ByteBuffer.wrap(bytes);
    }

    /** Bytes not yet read: an upper bound for any count a reader is about to allocate for. */
    int remaining() {
        return bytes.remaining();
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        need(len);
        bytes.get(b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, bytes.remaining()));
        bytes.position(bytes.position() + skipped);
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return bytes.get();
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        need(2);
        return bytes.getShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        need(2);
        return bytes.getChar();
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        return bytes.getInt();
    }

    @Override
    public long readLong() throws IOException {
        need(8);
        return bytes.getLong();
    }

    @Override
    public float readFloat() throws IOException {
        need(4);
        return bytes.getFloat();
    }

    @Override
    public double readDouble() throws IOException {
        need(8);
        return bytes.getDouble();
    }

    /** Never written by the model layout (it has no line-based fields). */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("the model layout has no lines");
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }

    private void need(int n) throws EOFException {
        if (n < 0 || bytes.remaining() < n) {
            throw new EOFException("the bytes end " + (n - bytes.remaining()) + " byte(s) early");
        }
    }
}
