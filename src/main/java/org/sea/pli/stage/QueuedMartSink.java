package org.sea.pli.stage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sea.pli.mart.MartSink;

/**
 * Hands mart rows to one writer thread through a bounded queue, so that computing the marts and
 * encoding their Parquet overlap (encoding was a fifth of the marts' time at state
 * scale, on the thread that computes them). One writer takes rows in the order they were given,
 * so every file gets its rows in the same order as written directly: the bytes do not change. The
 * queue holds at most {@value #CAPACITY} rows; a writer's failure is thrown to the computing thread
 * at its next row or at {@link #finish}.
 */
final class QueuedMartSink implements MartSink, AutoCloseable {

    static final int CAPACITY = 8192;

    private record Row(String mart, String schoolYear, Object[] values) {}

    private static final Row END = new Row(null, null, null);

    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile Throwable failure;

    QueuedMartSink(MartSink target) {
        writer = new Thread(() -> drain(target), "mart-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void drain(MartSink target) {
        try {
            for (Row r = queue.take(); r != END; r = queue.take()) {
                target.row(r.mart(), r.schoolYear(), r.values());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            queue.clear(); // unblocks a computing thread waiting for room; it sees the failure next
        }
    }

    @Override
    public void row(String mart, String schoolYear, Object[] values) throws IOException {
        rethrow();
        put(new Row(mart, schoolYear, values));
    }

    /** Waits until every row given so far is written; throws the writer's failure, if any. */
    void finish() throws IOException {
        if (writer.isAlive()) {
            put(END);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the marts");
            }
        }
        rethrow();
    }

    private void put(Row row) throws IOException {
        try {
            while (!queue.offer(row, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!writer.isAlive()) {
                    throw new IOException("the mart writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the marts");
        }
    }

    private void rethrow() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw e;
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /**
     * Stops the writer without writing what is still queued (after a failure on the computing
     * side), and waits for it: the caller closes the files next, which the writer must not touch.
     */
    @Override
    public void close() {
        writer.interrupt();
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
