package org.mopr.ledger.api.store;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.SQLException;

/** Tells a failure of the database apart from a failure of what was asked of it. */
public final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * The database's failure behind a run's failure, if there is one: Spring's, or the driver's own where Axon's
     * event store wrapped it in an exception of its own; null when the store did not fail.
     */
    public static DataAccessException behind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException store) {
                return store;
            }
            if (t instanceof SQLException sql) {
                return new DataAccessResourceFailureException(sql.getMessage(), sql);
            }
        }
        return null;
    }
}
