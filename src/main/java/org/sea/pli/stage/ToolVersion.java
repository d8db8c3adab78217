package org.sea.pli.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.parquet.Version;

/**
 * Versions recorded in the manifest (docs/spec.md §6). parquet-java's version matters to auditors:
 * its {@code created_by} string is inside every mart file, so upgrading it changes the bytes.
 */
public final class ToolVersion {

    private ToolVersion() {}

    public static String plImpact() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/org/sea/pli/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String parquetJava() {
        return Version.VERSION_NUMBER;
    }
}
