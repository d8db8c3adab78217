package org.sea.pli;

import org.sea.pli.ops.OpsSettings;
import org.sea.pli.run.CatalogSettings;
import org.sea.pli.run.NightlyRunLauncher;
import org.sea.pli.run.RunReproduction;
import org.sea.pli.run.RunSettings;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application behind the {@code run}, {@code rerun} and {@code verify} verbs. The
 * command line itself lives in {@link org.sea.pli.cli.PlImpactCommand}, which starts this context
 * only when a job runs.
 *
 * <p>Its beans are listed, not scanned: a component scan and a configuration-properties scan each
 * read every class file of {@code org.sea.pli} to find these four, a visible share of a small
 * run's start. A new bean is one more entry here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({RunSettings.class, OpsSettings.class, CatalogSettings.class})
@Import({NightlyRunLauncher.class, RunReproduction.class})
public class PlImpactApplication {}
