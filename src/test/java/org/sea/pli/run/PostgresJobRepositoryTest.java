package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;
import org.sea.pli.testing.TestPostgres;

/**
 * The Spring Batch job repository on PostgreSQL (docs/spec.md §7: "any JDBC database (PostgreSQL in
 * production) by configuration"), against the server {@code .ci/run} starts. The schema is created
 * on first use and its creation is repeated harmlessly by every later start.
 */
class PostgresJobRepositoryTest {

    @TempDir
    static Path tmp;

    static TestPostgres.Schema schema;
    static Path warehouse;
    static CommandRun first;
    static CommandRun second;

    static CommandRun run() {
        List<String> args = new ArrayList<>(
                List.of("run", "--inbox", "sample-data", "--warehouse", warehouse.toString(), "--as-of", "2026-06-30"));
        args.addAll(schema.springArguments());
        return CommandRun.execute(CommandRun.KEY_ENV, args);
    }

    @BeforeAll
    static void twoRunsOfTheSameAsOf() throws Exception {
        schema = TestPostgres.require().newSchema("pli_jobrepo");
        warehouse = tmp.resolve("warehouse");
        first = run();
        second = run(); // the schema exists now: creating it again must be harmless
    }

    @Test
    void theJobExecutionsLandInPostgres() throws Exception {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(schema.queryStrings("SELECT status FROM batch_job_execution ORDER BY job_execution_id"))
                .containsExactly("COMPLETED", "COMPLETED");
        assertThat(schema.queryStrings("SELECT step_name FROM batch_step_execution ORDER BY step_execution_id"))
                .containsExactly(
                        "loadInbox",
                        "writeMarts",
                        "checkDisclosure",
                        "compareRuns",
                        "writeReport",
                        "writeManifest",
                        "publish",
                        "loadInbox",
                        "writeMarts",
                        "checkDisclosure",
                        "compareRuns",
                        "writeReport",
                        "writeManifest",
                        "publish");
    }

    @Test
    void aSecondRunOfTheSameAsOfIsRunTwo() throws Exception {
        assertThat(schema.queryStrings("SELECT p.parameter_value FROM batch_job_execution_params p"
                        + " WHERE p.parameter_name = 'run_id' ORDER BY p.job_execution_id"))
                .containsExactly("2026-06-30_1", "2026-06-30_2");
        assertThat(warehouse.resolve("runs/2026-06-30_2/marts/load_report")).isDirectory();
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_2");
    }

    @Test
    void aRunFailedByAnIoErrorIsRestartedAsTheSameJobInstance() throws Exception {
        TestPostgres.Schema schema = TestPostgres.require().newSchema("pli_restart");
        Path failing = tmp.resolve("failing");
        List<String> args = new ArrayList<>(List.of(
                "run", "--inbox", "sample-data", "--warehouse", "faulty://" + failing, "--as-of", "2026-06-30"));
        args.addAll(schema.springArguments());
        org.sea.pli.storage.FaultyFileSystem.failOn = "model_comparison";
        CommandRun failed;
        try {
            failed = CommandRun.execute(CommandRun.KEY_ENV, args);
        } finally {
            org.sea.pli.storage.FaultyFileSystem.failOn = null;
        }
        assertThat(failed.code()).isEqualTo(1);
        CommandRun resumed = CommandRun.execute(CommandRun.KEY_ENV, args);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        String instance = "(SELECT p.job_execution_id FROM batch_job_execution_params p WHERE p.parameter_name ="
                + " 'warehouse' AND p.parameter_value LIKE 'faulty:%')";
        assertThat(schema.queryStrings("SELECT e.status FROM batch_job_execution e WHERE e.job_execution_id IN "
                        + instance + " ORDER BY e.job_execution_id"))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(schema.queryStrings("SELECT count(DISTINCT e.job_instance_id) FROM batch_job_execution e"
                        + " WHERE e.job_execution_id IN " + instance))
                .containsExactly("1");
        assertThat(failing.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_1");
    }

    @Test
    void aSecondRunWhileOneHoldsTheWarehouseExitsAtOnce() throws Exception {
        TestPostgres.Schema schema = TestPostgres.require().newSchema("pli_lock");
        Path held = tmp.resolve("held");
        java.nio.file.Files.createDirectories(held);
        java.nio.file.Files.writeString(
                held.resolve("_LOCK"),
                "purpose=run as of 2026-06-30\nhost="
                        + java.net.InetAddress.getLocalHost().getHostName() + "\npid="
                        + ProcessHandle.current().pid()
                        + "\nsince=" + java.time.Instant.now() + "\n");
        List<String> args = new ArrayList<>(
                List.of("run", "--inbox", "sample-data", "--warehouse", held.toString(), "--as-of", "2026-06-30"));
        args.addAll(schema.springArguments());
        CommandRun busy = CommandRun.execute(CommandRun.KEY_ENV, args);
        assertThat(busy.code()).isEqualTo(1);
        assertThat(busy.err()).contains("is in use by run as of 2026-06-30");
        assertThat(schema.queryStrings("SELECT count(*) FROM batch_job_execution_params p WHERE p.parameter_value = '"
                        + org.sea.pli.storage.Warehouse.open(held.toString()).root() + "'"))
                .containsExactly("0");
    }
}
