package org.sea.pli.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The {@code file:} scheme for warehouses. Without Hadoop's native library (never shipped in the
 * shaded client), {@link RawLocalFileSystem} sets the permission of every file and directory it
 * creates by forking {@code chmod}: profiled at state scale, that was most of the time spent
 * creating quarantine and mart files. This does the same with java.nio, in process. No checksum
 * side files are written either ({@code .crc}), so BI globs and manifests see only data.
 */
public class PosixLocalFileSystem extends RawLocalFileSystem {

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /**
     * Creating without overwrite is atomic here (O_EXCL), as on HDFS: the warehouse lock of
     * docs/spec.md §6 relies on exactly one of two racing runs succeeding.
     */
    @Override
    public FSDataOutputStream create(
            Path f, boolean overwrite, int bufferSize, short replication, long blockSize, Progressable progress)
            throws IOException {
        if (!overwrite) {
            createExclusively(f);
        }
        return super.create(f, true, bufferSize, replication, blockSize, progress);
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
        if (!overwrite) {
            createExclusively(f);
        }
        return super.create(f, permission, true, bufferSize, replication, blockSize, progress);
    }

    private void createExclusively(Path f) throws IOException {
        java.io.File file = pathToFile(f);
        java.io.File parent = file.getParentFile();
        if (parent != null && !parent.isDirectory()) {
            mkdirs(f.getParent());
        }
        try {
            Files.createFile(file.toPath());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new org.apache.hadoop.fs.FileAlreadyExistsException("file " + f + " already exists");
        }
    }

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        short mode = permission.toShort();
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(BITS[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(pathToFile(p).toPath(), set);
        } catch (UnsupportedOperationException e) {
            super.setPermission(p, permission); // not a POSIX file system: Hadoop's own way
        }
    }
    /**
     * Gives {@code to} the tree below {@code from}: the same directories, each file a hard link to
     * the one it stands for — for files nobody writes again (a run's marts and report, spec §6), a
     * copy that costs no bytes and no time. A file the disk will not link (another device, a file
     * system without links) is copied instead.
     */
    public void linkTree(Path from, Path to) throws IOException {
        java.nio.file.Path source = pathToFile(from).toPath();
        java.nio.file.Path target = pathToFile(to).toPath();
        try (java.util.stream.Stream<java.nio.file.Path> tree = Files.walk(source)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) tree::iterator) {
                java.nio.file.Path copy = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    link(p, copy);
                }
            }
        }
    }

    private static void link(java.nio.file.Path file, java.nio.file.Path copy) throws IOException {
        try {
            Files.createLink(copy, file);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException notLinkable) {
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
