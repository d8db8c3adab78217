package org.sea.pli.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server {@code .ci/run} starts ({@code .ci/postgres.sh}), for any test that wants
 * the job repository on PostgreSQL (this class's users: job repository, and later restart and the
 * one-run-at-a-time lock). Each {@link #newSchema} is an empty schema of its own, so test classes
 * never see each other's job executions and need not clean up.
 *
 * <pre>
 * TestPostgres pg = TestPostgres.require();          // fails in CI without a server, skips locally
 * TestPostgres.Schema s = pg.newSchema("restart");
 * command.execute(..., s.springArguments()...);       // --spring.datasource.url/username/password
 * s.queryLong("SELECT count(*) FROM batch_job_execution");
 * </pre>
 *
 * Environment: {@code PLI_TEST_POSTGRES_URL} (a JDBC URL), {@code PLI_TEST_POSTGRES_USER},
 * {@code PLI_TEST_POSTGRES_PASSWORD}. Locally: {@code bash .ci/postgres.sh start} prints them.
 */
public final class TestPostgres {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;

    private TestPostgres(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The test server; when {@code PLI_TEST_POSTGRES_URL} is missing the calling test fails under
     * CI ({@code CI=true}) and is skipped otherwise.
     */
    public static TestPostgres require() {
        String url = System.getenv("PLI_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String why = "PLI_TEST_POSTGRES_URL is not set (start one with: bash .ci/postgres.sh start)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; .ci/run must start PostgreSQL");
            }
            Assumptions.abort(why);
        }
        return new TestPostgres(url, env("PLI_TEST_POSTGRES_USER", "pli"), env("PLI_TEST_POSTGRES_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A new, empty schema named {@code <prefix>_<pid>_<n>}; the job repository's tables go there. */
    public Schema newSchema(String prefix) throws SQLException {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            s.execute("CREATE SCHEMA " + name);
        }
        return new Schema(name);
    }

    /** One schema of the test server. */
    public final class Schema {

        private final String name;

        private Schema(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The JDBC URL whose default schema is this one. */
        public String url() {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        /** Spring Boot arguments pointing the job repository here. */
        public List<String> springArguments() {
            return List.of(
                    "--spring.datasource.url=" + url(),
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), user, password);
        }

        public long queryLong(String sql) throws SQLException {
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }

        public List<String> queryStrings(String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
