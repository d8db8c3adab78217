package org.sea.pli.run;

import org.sea.pli.extract.FileStatus;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Starts (or restarts) the nightly job for one {@link RunRequest} with explicit job parameters
 * (ENGINEERING.md: Boot's runner would launch it with none) and maps the outcome to an exit code.
 */
@Component
public class NightlyRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final RunWorkspace workspace;
    private final RunSettings settings;

    NightlyRunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, RunWorkspace workspace,
                       RunSettings settings) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.workspace = workspace;
        this.settings = settings;
    }

    /** Runs the job; returns the exit code of SPEC.md §7, or throws {@link RunFailure}. */
    public int launch(RunRequest request) {
        Warehouse warehouse;
        String runId;
        try {
            warehouse = Warehouse.open(request.warehouse());
            runId = RunIds.next(warehouse, request.asOf());
        } catch (Exception e) {
            throw new RunFailure("cannot open warehouse " + request.warehouse() + ": " + e.getMessage(), e);
        }
        JobParameters parameters = parameters(request, warehouse, runId);
        // A job repository that outlived its warehouse may already hold a finished run of this id:
        // a new run must be a new job instance, so take the next free number.
        while (isComplete(parameters)) {
            runId = RunIds.following(runId);
            parameters = parameters(request, warehouse, runId);
        }
        workspace.begin(request, runId, warehouse);
        JobExecution execution;
        try {
            execution = jobOperator.start(nightlyJob, parameters);
        } catch (Exception e) {
            throw new RunFailure("cannot start run " + runId + ": " + e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            String why = failures.isEmpty() ? execution.getExitStatus().getExitDescription()
                    : oneLine(failures.get(0));
            throw new RunFailure("run " + runId + " " + execution.getStatus().toString().toLowerCase()
                    + ": " + why + " (start the same command again to resume it)");
        }
        long rejected = workspace.outcomes().stream().filter(o -> o.status() == FileStatus.REJECTED).count();
        if (request.strict() && rejected > 0) {
            log.error("run {}: {} file(s) rejected and --strict was given", runId, rejected);
            return 1;
        }
        return 0;
    }

    private static JobParameters parameters(RunRequest request, Warehouse warehouse, String runId) {
        return new JobParametersBuilder()
                .addString("run_id", runId)
                .addString("as_of", request.asOf().toString())
                .addString("inbox", request.inbox().toString())
                .addString("warehouse", warehouse.root().toString())
                .addString("strict", Boolean.toString(request.strict()), false)
                .toJobParameters();
    }

    private boolean isComplete(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
        if (instance == null) {
            return false;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
