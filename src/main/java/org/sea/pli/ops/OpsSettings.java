package org.sea.pli.ops;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operational settings beside {@code org.sea.pli.run.RunSettings}, under the same {@code pli.}
 * prefix; none of them changes a byte of output.
 *
 * @param progressInterval how often a long step logs a progress line ({@code pli.progress-interval},
 *                         default 10s; e.g. {@code 30s}, {@code 1m})
 * @param metricsFile      where each run writes its Prometheus metrics ({@code pli.metrics-file}), for
 *                         node_exporter's textfile collector; null for none
 * @param metricsPush      a Pushgateway grouping URL the same metrics are PUT to
 *                         ({@code pli.metrics-push}, e.g. {@code http://pushgateway:9091/metrics/job/pl_impact}); null for none
 * @param lineageUrl       an OpenLineage HTTP endpoint each run's events are POSTed to
 *                         ({@code pli.lineage-url}, e.g. Marquez's {@code http://marquez:5000/api/v1/lineage}); null for none
 */
@ConfigurationProperties("pli")
public record OpsSettings(Duration progressInterval, Path metricsFile, URI metricsPush, URI lineageUrl) {

    public OpsSettings {
        progressInterval = progressInterval == null ? Duration.ofSeconds(10) : progressInterval;
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("pli.progress-interval must be positive, got " + progressInterval);
        }
        if (metricsFile != null) {
            Path dir = metricsFile.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        "pli.metrics-file: the directory of " + metricsFile + " does not exist");
            }
            if (Files.isDirectory(metricsFile)) {
                throw new IllegalArgumentException("pli.metrics-file: " + metricsFile + " is a directory");
            }
        }
        checkHttp("pli.metrics-push", metricsPush);
        checkHttp("pli.lineage-url", lineageUrl);
    }

    private static void checkHttp(String setting, URI uri) {
        if (uri == null) {
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be an http:// or https:// URL, got " + uri);
        }
    }
}
