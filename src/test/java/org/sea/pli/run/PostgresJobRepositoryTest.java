package org.sea.pli.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;
import org.sea.pli.testing.TestPostgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Batch job repository on PostgreSQL (SPEC.md §7: "any JDBC database (PostgreSQL in
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
        List<String> args = new ArrayList<>(List.of("run", "--inbox", "sample-data", "--warehouse",
                warehouse.toString(), "--as-of", "2026-06-30"));
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
                .containsExactly("loadInbox", "writeMarts", "publish", "loadInbox", "writeMarts", "publish");
    }

    @Test
    void aSecondRunOfTheSameAsOfIsRunTwo() throws Exception {
        assertThat(schema.queryStrings("SELECT p.parameter_value FROM batch_job_execution_params p"
                + " WHERE p.parameter_name = 'run_id' ORDER BY p.job_execution_id"))
                .containsExactly("2026-06-30_1", "2026-06-30_2");
        assertThat(warehouse.resolve("runs/2026-06-30_2/marts/load_report")).isDirectory();
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_2");
    }
}
