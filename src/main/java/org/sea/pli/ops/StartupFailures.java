package org.sea.pli.ops;

import java.sql.SQLException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Turns a failed application start into the one line docs/spec.md §7 asks for. Registered on the
 * {@code SpringApplication} before it runs, it keeps the prepared environment, so a job
 * repository that cannot be reached is named by its (redacted) JDBC URL even though the
 * context never came up.
 */
public final class StartupFailures implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private Environment environment;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        environment = event.getEnvironment();
    }

    /**
     * One line for a start that failed on the job repository database, e.g. {@code cannot reach the
     * job repository jdbc:postgresql://db:5432/pli (user pli): Connection to db:5432 refused…};
     * null when the failure has nothing to do with the database.
     */
    public String jobRepositoryFailure(Throwable failure) {
        SQLException sql = null;
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        String user = environment == null ? null : environment.getProperty("spring.datasource.username");
        String password = environment == null ? null : environment.getProperty("spring.datasource.password");
        String why = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
        if (password != null && !password.isEmpty()) {
            why = why.replace(password, "***");
        }
        return "cannot reach the job repository "
                + (url == null ? "(spring.datasource.url not set)" : JdbcUrls.redact(url))
                + (user == null || user.isEmpty() ? "" : " (user " + user + ")") + ": "
                + why.replaceAll("\\s+", " ").strip();
    }
}
