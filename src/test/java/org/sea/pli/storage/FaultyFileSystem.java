package org.sea.pli.storage;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A local file system under the {@code faulty:} scheme that fails file creation on demand, the
 * way a full disk or a broken mount does (registered in src/test/resources/core-site.xml). Lets
 * tests break a run in the middle of writing a mart without any hook in production code.
 */
public class FaultyFileSystem extends PosixLocalFileSystem {

    /** Creating a file whose path contains this fails with an IOException; null: no fault. */
    public static volatile String failOn;

    private static final URI NAME = URI.create("faulty:///");

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        setConf(conf);
    }

    @Override
    public URI getUri() {
        return NAME;
    }

    @Override
    public String getScheme() {
        return "faulty";
    }

    @Override
    public java.io.File pathToFile(Path path) {
        checkPath(path);
        if (!path.isAbsolute()) {
            path = new Path(getWorkingDirectory(), path);
        }
        return new java.io.File(path.toUri().getPath());
    }

    @Override
    public FSDataOutputStream create(
            Path f, boolean overwrite, int bufferSize, short replication, long blockSize, Progressable progress)
            throws IOException {
        fault(f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    private static void fault(Path f) throws IOException {
        String fault = failOn;
        if (fault != null && f.toString().contains(fault)) {
            throw new IOException("No space left on device (injected for " + f.getName() + ")");
        }
    }

    @Override
    public FSDataOutputStream create(
            Path f,
            FsPermission permission,
            boolean overwrite,
            int bufferSize,
            short replication,
            long blockSize,
            Progressable progress)
            throws IOException {
        fault(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }
}
