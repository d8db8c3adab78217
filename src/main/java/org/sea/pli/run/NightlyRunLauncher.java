package org.sea.pli.run;

import java.io.IOException;
import java.util.List;
import org.sea.pli.extract.InboxException;
import org.sea.pli.ops.ExitCode;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.stage.StageFailure;
import org.sea.pli.storage.RunIds;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts (or restarts) the nightly job for one {@link RunRequest} with explicit job parameters
 * (Boot's job runner builds parameters only from non-option arguments, so {@code --as-of=…} would
 * reach it as a Spring property and the job would run with none), one run at a time per warehouse,
 * and maps the outcome to an exit code.
 */
@Component
public class NightlyRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final PlatformTransactionManager tx;
    private final RunSettings settings;
    private final OpsSettings ops;
    /** The latest launch in this JVM, for its summary (a verify's is its reproduction). */
    private volatile NightlyRun last;

    NightlyRunLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            PlatformTransactionManager tx,
            RunSettings settings,
            OpsSettings ops) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.tx = tx;
        this.settings = settings;
        this.ops = ops;
    }

    /** What the summary table of the latest launch shows, or null when none got a run id. */
    public RunSummary.Facts lastRun() {
        NightlyRun run = last;
        return run == null ? null : run.facts();
    }

    /**
     * Runs the job; returns the exit code of SPEC.md §7, or throws {@link RunFailure}. A nightly run
     * ends, failed or not, with its metrics and lineage event ({@link RunSignals}).
     */
    public int launch(RunRequest request) {
        long started = System.nanoTime();
        last = null;
        int code = ExitCode.RUN_FAILED.code();
        String failure = null;
        try {
            code = launchOpen(request);
            return code;
        } catch (RunFailure e) {
            failure = e.getMessage();
            throw e;
        } finally {
            new RunSignals(ops)
                    .ended(request, last, code, failure, java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private int launchOpen(RunRequest request) {
        Warehouse warehouse;
        try {
            warehouse = Warehouse.open(request.warehouse());
        } catch (Exception e) {
            throw new RunFailure("cannot open warehouse " + request.warehouse() + ": " + e.getMessage(), e);
        }
        try (warehouse) {
            RunSettings effective = request.settings() != null ? request.settings() : settings;
            WarehouseLock lock;
            try {
                lock = WarehouseLock.acquire(
                        warehouse,
                        request.reproduction() ? "rerun of " + request.runId() : "run as of " + request.asOf(),
                        effective.lockStaleAfter());
            } catch (IOException e) {
                throw new RunFailure("cannot open warehouse " + request.warehouse() + ": " + oneLine(e), e);
            }
            try (lock) {
                return launchLocked(request, warehouse, effective);
            } catch (RunFailure e) {
                throw e;
            } catch (Exception e) {
                throw new RunFailure("warehouse " + warehouse.root() + ": " + oneLine(e), e);
            }
        } catch (IOException e) { // closing the warehouse's file system
            throw new RunFailure("warehouse " + warehouse.root() + ": " + oneLine(e), e);
        }
    }

    private int launchLocked(RunRequest request, Warehouse warehouse, RunSettings effective) throws Exception {
        long started = System.nanoTime();
        String runId = request.reproduction() ? request.runId() : RunIds.next(warehouse, request.asOf());
        JobParameters parameters = parameters(request, warehouse, runId);
        // A job repository that outlived its warehouse may already hold a finished run of this id:
        // a new run must be a new job instance, so take the next free number.
        while (!request.reproduction() && isComplete(parameters)) {
            runId = RunIds.following(runId);
            parameters = parameters(request, warehouse, runId);
        }
        if (request.reproduction() && RunIds.finished(warehouse, runId)) {
            throw new RunFailure(warehouse.root() + " already holds a finished run " + runId);
        }
        recoverAbandoned(parameters);
        NightlyRun run = new NightlyRun(request, effective, runId, warehouse, ops);
        last = run;
        new RunSignals(ops).started(request, run, warehouse);
        JobExecution execution;
        try {
            execution = jobOperator.start(NightlyJob.build(jobRepository, tx, run), parameters);
        } catch (Exception e) {
            throw new RunFailure("cannot start run " + runId + ": " + oneLine(e), e);
        } finally {
            run.launched(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            String why = failures.isEmpty() ? execution.getExitStatus().getExitDescription() : oneLine(failures.get(0));
            // a bad _state file or a changed archive fails every restart the same way: say so only
            // where starting again can help (a crash, a full disk, an unreachable database)
            boolean restartHelps = failures.isEmpty()
                    || !(failures.get(0) instanceof InboxException
                            || failures.get(0) instanceof RunFailure
                            || failures.get(0) instanceof StageFailure);
            throw new RunFailure(
                    "run " + runId + " " + execution.getStatus().toString().toLowerCase() + ": " + why
                            + (restartHelps ? " (start the same command again to resume it)" : ""));
        }
        long rejected = run.rejectedFiles();
        if (request.strict() && rejected > 0) {
            log.error("run {}: {} file(s) rejected and --strict was given", runId, rejected);
            return ExitCode.RUN_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private static JobParameters parameters(RunRequest request, Warehouse warehouse, String runId) {
        return new JobParametersBuilder()
                .addString("run_id", runId)
                .addString("as_of", request.asOf().toString())
                .addString("inbox", request.inbox().toString())
                .addString("warehouse", warehouse.root().toString())
                .addString("strict", Boolean.toString(request.strict()), false)
                .addString("allow_changed_files", Boolean.toString(request.allowChangedFiles()), false)
                .toJobParameters();
    }

    /**
     * A process killed mid-run leaves its execution marked running in the job repository. We hold
     * the warehouse lock, so nothing is running: mark it failed so that this start is a restart.
     */
    private void recoverAbandoned(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJob.JOB_NAME, parameters);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last != null && last.isRunning()) {
            log.warn(
                    "run {}: execution {} was left running by a process that is gone; recovering it to restart",
                    parameters.getString("run_id"),
                    last.getId());
            jobOperator.recover(last);
        }
    }

    private boolean isComplete(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJob.JOB_NAME, parameters);
        if (instance == null) {
            return false;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
