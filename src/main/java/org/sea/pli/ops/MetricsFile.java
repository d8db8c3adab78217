package org.sea.pli.ops;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Prometheus text exposition format of a night, written by the client library's writer: to a
 * file for node_exporter's textfile collector — a temporary name in the same directory, then a
 * rename, so the collector never reads half a file — and optionally PUT to a Pushgateway.
 */
public final class MetricsFile {

    private static final String LAST_SUCCESS = "pl_impact_last_success_timestamp_seconds";

    private MetricsFile() {}

    /** The metrics in the text format (version 0.0.4). */
    public static byte[] text(MetricSnapshots metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, metrics);
        return out.toByteArray();
    }

    /** Writes the file atomically: same directory, temporary name, rename over the old file. */
    public static void write(Path file, MetricSnapshots metrics) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(text(metrics));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The last success time the previous night's file recorded, or null (no file, or no success yet):
     * a textfile holds only the latest night, so each night carries the last success forward.
     */
    public static Instant lastSuccess(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith(LAST_SUCCESS + " ")) {
                    double seconds = Double.parseDouble(
                            line.substring(LAST_SUCCESS.length() + 1).strip());
                    return Instant.ofEpochMilli(Math.round(seconds * 1000));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null; // an unreadable old file: the last success is then unknown, as on a first night
        }
        return null;
    }

    /** PUTs the metrics to a Pushgateway grouping URL (replacing that group's metrics). */
    public static void push(URI url, MetricSnapshots metrics) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(text(metrics)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "HTTP " + response.statusCode() + " " + response.body().strip());
        }
    }
}
