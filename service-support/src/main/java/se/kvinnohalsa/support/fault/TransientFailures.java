package se.kvinnohalsa.support.fault;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that goes away by itself (the database restarting, a connection cut, a serialization failure or
 * deadlock between transactions, a lock or pool timeout) from one that retrying cannot fix. Decided by the JDBC
 * exception types and PostgreSQL SQLSTATEs anywhere in the cause chain, since Hibernate, Narayana and Agroal each wrap
 * them differently. One rule for every path: a consumer retries exactly what an HTTP request answers with 503.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes (PostgreSQL appendix A) that describe the server or the connection, not the statement:
     * 08 connection exception, 40 transaction rollback (40001 serialization failure, 40P01 deadlock), 53 insufficient
     * resources (too many connections), 57P01-57P05 operator intervention (pg_terminate_backend, shutdown, not
     * accepting connections yet), 57014 statement or lock timeout, 55P03 lock not available, 58 system error (I/O).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "58");
    private static final Set<String> TRANSIENT_CODES = Set.of("57P01", "57P02", "57P03", "57P04", "57P05", "57014",
            "55P03");
    /** Hibernate's and JPA's names for the same situations, by class name so that this stays free of them. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");
    /** Agroal reports a pool that cannot hand out a connection in time by message only (no SQLSTATE). */
    private static final String POOL_TIMEOUT = "acquisition timeout";
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
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (transientItself(t)) {
                return true;
            }
            // A batch or a chained failure may carry the cause in its next exception only.
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            // A failed commit: the transaction manager's RollbackException carries the driver's I/O error only as a
            // suppressed exception (ARJUNA016053), not as its cause.
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof SocketTimeoutException || t instanceof SocketException || t instanceof EOFException
                || TRANSIENT_TYPES.contains(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            return isTransientState(sql.getSQLState()) || sql.getSQLState() == null
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(POOL_TIMEOUT);
        }
        return false;
    }

    static boolean isTransientState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_CODES.contains(sqlState);
    }

    /** One line for logs and health details: the innermost message, without a stack trace. */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.size() < MAX_DEPTH
                && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            innermost = t;
        }
        String message = String.valueOf(innermost.getMessage());
        int newline = message.indexOf('\n');
        return innermost.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
