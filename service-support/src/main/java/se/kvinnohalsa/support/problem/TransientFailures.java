package se.kvinnohalsa.support.problem;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure is the database being unavailable for a moment (connection refused or lost, the server
 * starting up or recovering after a crash, too many connections, no pooled connection in time) or a conflict that
 * the same request would not meet again (serialization failure, deadlock, lock timeout): worth retrying, so a
 * 503 with Retry-After and not a 500. Looks through the whole cause chain, as the JDBC driver's exception arrives
 * wrapped by the pool, Hibernate and the transaction manager.
 */
public final class TransientFailures {

    /** SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown, crash, starting up). */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53");
    private static final String OPERATOR_INTERVENTION = "57P";
    /** serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement or lock timeout). */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57014");
    /** Hibernate's and JPA's names for the same, for exceptions that do not carry the SQLException as cause. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException");
    /** Agroal's words when no connection could be had in time (no SQLSTATE). */
    private static final String POOL_TIMEOUT = "Acquisition timeout";
    /** A cause chain longer than this is not followed further (and a cycle ends). */
    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (transientItself(current)) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getNextException() != null
                    && transientItself(sql.getNextException())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean transientItself(Throwable failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof SocketException || failure instanceof EOFException) {
            return true;
        }
        if (TRANSIENT_TYPES.contains(failure.getClass().getName())) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                return String.valueOf(sql.getMessage()).contains(POOL_TIMEOUT);
            }
            return state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2))
                    || state.startsWith(OPERATOR_INTERVENTION) || STATES.contains(state);
        }
        return false;
    }
}
