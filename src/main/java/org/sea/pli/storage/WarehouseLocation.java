package org.sea.pli.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * Where a warehouse is: a local path ({@code ./warehouse}, {@code /tmp/w}; made absolute,
 * {@code file:}) or any Hadoop FileSystem URI ({@code file:}, {@code hdfs://}, {@code s3a://}), as
 * the URI that identifies it (and so the run's job instance, spec §6).
 */
public final class WarehouseLocation {

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private WarehouseLocation() {}

    public static URI toUri(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("warehouse location is empty");
        }
        String s = location.trim();
        if (URI_SCHEME.matcher(s).matches()) {
            try {
                URI uri = new URI(s);
                if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() == null) {
                    throw new IllegalArgumentException("warehouse URI " + s + " has no path");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bad warehouse URI " + s + ": " + e.getMessage(), e);
            }
        }
        // Path.toUri() ends an existing directory with '/', a missing one without: the root must
        // not depend on whether the warehouse exists yet (it identifies the run's job instance).
        String uri = Paths.get(s).toAbsolutePath().normalize().toUri().toString();
        return URI.create(
                uri.length() > "file:///".length() && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
    }
}
