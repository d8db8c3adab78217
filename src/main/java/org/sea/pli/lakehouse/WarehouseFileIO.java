package org.sea.pli.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.hadoop.HadoopOutputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's file access through the warehouse's own FileSystem instance. Iceberg's
 * {@code HadoopFileIO} asks Hadoop's shared cache for a file system per path, which would put an
 * instance configured for the warehouse (pl-impact's local file system without checksum files)
 * into the cache that every other Hadoop user of the JVM gets. Paths on another file system than
 * the warehouse's (a {@code pli.catalog-warehouse} elsewhere) go through Hadoop as usual.
 * Closing it leaves the warehouse's file system open: the warehouse owns it.
 */
final class WarehouseFileIO implements FileIO {

    private final FileSystem fs;

    WarehouseFileIO(FileSystem fs) {
        this.fs = Objects.requireNonNull(fs);
    }

    private FileSystem fsOf(String location) {
        URI uri = new Path(location).toUri();
        URI own = fs.getUri();
        if (uri.getScheme() == null
                || (uri.getScheme().equalsIgnoreCase(own.getScheme())
                        && Objects.equals(uri.getAuthority(), own.getAuthority()))) {
            return fs;
        }
        try {
            return new Path(location).getFileSystem(fs.getConf());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + location, e);
        }
    }

    @Override
    public InputFile newInputFile(String path) {
        return new Plain(HadoopInputFile.fromLocation(path, fsOf(path)));
    }

    @Override
    public InputFile newInputFile(String path, long length) {
        return new Plain(HadoopInputFile.fromLocation(path, length, fsOf(path)));
    }

    @Override
    public OutputFile newOutputFile(String path) {
        return HadoopOutputFile.fromPath(new Path(path), fsOf(path));
    }

    @Override
    public void deleteFile(String path) {
        try {
            fsOf(path).delete(new Path(path), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** A file read through the warehouse's instance; plain, so Parquet readers do not reopen it through Hadoop's cache. */
    static InputFile inputFile(FileSystem fs, org.apache.hadoop.fs.FileStatus status) {
        return new Plain(HadoopInputFile.fromStatus(status, fs));
    }

    /**
     * Not a {@link HadoopInputFile}: Iceberg's Parquet reader turns one of those back into a Hadoop
     * path and opens it through the shared cache.
     */
    private record Plain(InputFile file) implements InputFile {
        @Override
        public long getLength() {
            return file.getLength();
        }

        @Override
        public SeekableInputStream newStream() {
            return file.newStream();
        }

        @Override
        public String location() {
            return file.location();
        }

        @Override
        public boolean exists() {
            return file.exists();
        }
    }
}
