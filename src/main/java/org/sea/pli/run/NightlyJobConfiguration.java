package org.sea.pli.run;

import org.sea.pli.ops.OpsSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job (SPEC.md §6): {@code loadInbox → writeMarts → writeReport → writeManifest → publish}.
 * A restart runs only the steps that did not finish; the load's results come back from per-LEA
 * checkpoints when a later step needs them. The job instance is
 * identified by run id, as-of, inbox and warehouse, so a failed run started again with the same
 * command is a Spring Batch restart of the same instance.
 */
@Configuration
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step loadInbox, Step writeMarts, Step writeReport,
                   Step writeManifest, Step publish) {
        return new JobBuilder(JOB_NAME, jobRepository).start(loadInbox).next(writeMarts).next(writeReport)
                .next(writeManifest).next(publish).build();
    }

    @Bean
    Step writeManifest(JobRepository jobRepository, PlatformTransactionManager tx, RunWorkspace workspace,
                       OpsSettings ops) {
        return new StepBuilder("writeManifest", jobRepository)
                .tasklet(new WriteManifestTasklet(workspace, ops), tx)
                .build();
    }

    /** Saves each LEA's results as it finishes: a restart resumes after the last saved LEA. */
    @Bean
    Step loadInbox(JobRepository jobRepository, PlatformTransactionManager tx, RunWorkspace workspace,
                   OpsSettings ops) {
        return new StepBuilder("loadInbox", jobRepository)
                .tasklet(new LoadInboxTasklet(workspace, ops), tx)
                .build();
    }

    @Bean
    Step writeMarts(JobRepository jobRepository, PlatformTransactionManager tx, RunWorkspace workspace,
                    OpsSettings ops) {
        return new StepBuilder("writeMarts", jobRepository)
                .tasklet(new WriteMartsTasklet(workspace, ops), tx)
                .build();
    }

    /** The run report, from the marts as written. */
    @Bean
    Step writeReport(JobRepository jobRepository, PlatformTransactionManager tx, RunWorkspace workspace) {
        return new StepBuilder("writeReport", jobRepository)
                .tasklet(new WriteReportTasklet(workspace), tx)
                .build();
    }

    @Bean
    Step publish(JobRepository jobRepository, PlatformTransactionManager tx, RunWorkspace workspace) {
        return new StepBuilder("publish", jobRepository).tasklet(new PublishTasklet(workspace), tx).build();
    }
}
