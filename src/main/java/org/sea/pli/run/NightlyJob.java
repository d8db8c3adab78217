package org.sea.pli.run;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job (spec §6): {@code loadInbox → writeMarts → checkDisclosure → compareRuns → writeReport →
 * writeManifest → publish},
 * one step per stage of {@code org.sea.pli.stage}. A restart runs only the steps that did not
 * finish; the load's results come back from per-LEA checkpoints when a later step needs them. The
 * job instance is identified by run id, as-of, inbox and warehouse, so a failed run started again
 * with the same command is a Spring Batch restart of the same instance.
 *
 * <p>Built for each launch around that launch's {@link NightlyRun}, so the steps share nothing with
 * any other launch; the job repository knows the job by its name and parameters only.
 */
final class NightlyJob {

    static final String JOB_NAME = "nightly";

    private NightlyJob() {}

    static Job build(JobRepository jobRepository, PlatformTransactionManager tx, NightlyRun run) {
        // loadInbox saves each LEA's results as it finishes: a restart resumes after the last saved LEA
        Step loadInbox = new StepBuilder("loadInbox", jobRepository)
                .tasklet(new LoadInboxTasklet(run), tx)
                .build();
        Step writeMarts = new StepBuilder("writeMarts", jobRepository)
                .tasklet(new WriteMartsTasklet(run), tx)
                .build();
        // §5.12 step 4: the public marts as written, checked before anything reads or publishes them
        Step checkDisclosure = new StepBuilder("checkDisclosure", jobRepository)
                .tasklet(new CheckDisclosureTasklet(run), tx)
                .build();
        // what changed since the last published run, before the report that opens with it
        Step compareRuns = new StepBuilder("compareRuns", jobRepository)
                .tasklet(new CompareRunsTasklet(run), tx)
                .build();
        // the run report, from the marts as written
        Step writeReport = new StepBuilder("writeReport", jobRepository)
                .tasklet(new WriteReportTasklet(run), tx)
                .build();
        Step writeManifest = new StepBuilder("writeManifest", jobRepository)
                .tasklet(new WriteManifestTasklet(run), tx)
                .build();
        Step publish = new StepBuilder("publish", jobRepository)
                .tasklet(new PublishTasklet(run), tx)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(loadInbox)
                .next(writeMarts)
                .next(checkDisclosure)
                .next(compareRuns)
                .next(writeReport)
                .next(writeManifest)
                .next(publish)
                .build();
    }
}
