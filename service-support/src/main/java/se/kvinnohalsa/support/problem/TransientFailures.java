package se.kvinnohalsa.support.problem;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure is the database being unavailable for a moment (connection refused or lost, the server
 * starting up or recovering after a crash, too many connections, no pooled connection in time) or a conflict that
 * the same request would not meet again (serialization failure, deadlock, lock timeout): worth retrying, so a
 * 503 with Retry-After and not a 500. Looks through the whole cause chain and suppressed exceptions, as the JDBC
 * driver's exception arrives wrapped by the pool, Hibernate and the transaction manager.
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
    /** At most this many exceptions of a cause chain (and their suppressed ones) are looked at; a cycle ends. */
    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (transientItself(current)) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
            // A failed commit: the transaction manager's RollbackException carries the driver's I/O error only as a
            // suppressed exception (ARJUNA016053), not as its cause.
            pending.addAll(Arrays.asList(current.getSuppressed()));
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
