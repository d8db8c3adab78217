package org.sea.pli.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operational settings beside {@code org.sea.pli.run.RunSettings}, under the same {@code pli.}
 * prefix; none of them changes a byte of output.
 *
 * @param progressInterval how often a long step logs a progress line ({@code pli.progress-interval},
 *                         default 10s; e.g. {@code 30s}, {@code 1m})
 */
@ConfigurationProperties("pli")
public record OpsSettings(Duration progressInterval) {

    public OpsSettings {
        progressInterval = progressInterval == null ? Duration.ofSeconds(10) : progressInterval;
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("pli.progress-interval must be positive, got " + progressInterval);
        }
    }
}
