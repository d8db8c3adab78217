package org.sea.pli.lineage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's lineage events go: {@code runs/<run_id>/lineage.jsonl}, one event a line (always),
 * and an OpenLineage HTTP endpoint when configured. Neither ever fails the night: a lineage event
 * that cannot be delivered is logged as a warning. The file is rewritten whole with each event (object
 * stores cannot append); a restart adds its events after the earlier attempt's.
 */
public final class LineageLog {

    private static final Logger log = LoggerFactory.getLogger(LineageLog.class);

    /** The file in the run directory: not a run output (timestamps and ids differ from run to run). */
    public static final String FILE = "lineage.jsonl";

    private final FileSystem fs;
    private final Path file;
    private final URI endpoint;

    /** @param endpoint an OpenLineage HTTP endpoint (e.g. {@code http://marquez:5000/api/v1/lineage}), or null */
    public LineageLog(FileSystem fs, Path runDir, URI endpoint) {
        this.fs = fs;
        this.file = new Path(runDir, FILE);
        this.endpoint = endpoint;
    }

    /** Records one event (a JSON object on one line). */
    public void emit(String event) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (fs.exists(file)) {
                try (InputStream in = fs.open(file)) {
                    in.transferTo(all);
                }
            }
            all.write((event + "\n").getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = fs.create(file, true)) {
                all.writeTo(out);
            }
        } catch (IOException e) {
            log.warn("cannot write lineage event to {}: {}", file, e.getMessage());
        }
        if (endpoint != null) {
            post(event);
        }
    }

    private void post(String event) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn(
                        "lineage endpoint {} answered HTTP {}; the event is in {}",
                        endpoint,
                        response.statusCode(),
                        file);
            }
        } catch (IOException e) {
            log.warn("lineage endpoint {} unreachable ({}); the event is in {}", endpoint, oneLine(e), file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while sending a lineage event to {}; the event is in {}", endpoint, file);
        }
    }

    private static String oneLine(Throwable t) {
        return t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage().replaceAll("\\s+", " ");
    }
}
