package org.sea.pli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import org.sea.pli.extract.InboxException;
import org.sea.pli.stage.StageFailure;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether starting the same command again can help a failed run (docs/spec.md §7). Only a failure
 * of the machine's surroundings can pass by itself — a file system or object store that failed to
 * read or write, a job repository that could not be reached — and a restart then resumes after the
 * last finished step. A bad inbox, a changed file, or an error in pl-impact itself fails every
 * restart the same way: advising one would only send the operator round in a circle.
 */
final class RestartAdvice {

    private RestartAdvice() {}

    /** True when the failure's causes include a transient one and no deterministic one. */
    static boolean helps(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return false; // nothing known: promise nothing
        }
        boolean transientCause = false;
        for (Throwable t = failures.get(0); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InboxException || t instanceof StageFailure || t instanceof RunFailure) {
                return false;
            }
            if (t instanceof IOException
                    || t instanceof UncheckedIOException
                    || t instanceof SQLException
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException) {
                transientCause = true;
            }
        }
        return transientCause;
    }
}
