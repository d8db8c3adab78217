package org.sea.pli;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application behind the {@code run} verb. The command line itself lives in
 * {@link org.sea.pli.cli.PlImpactCommand}, which starts this context only when a job runs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlImpactApplication {}
