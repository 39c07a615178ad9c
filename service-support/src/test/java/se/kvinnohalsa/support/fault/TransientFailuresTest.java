package se.kvinnohalsa.support.fault;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures a consumer waits out and which make an event poison. */
class TransientFailuresTest {

    /** Hibernate and Narayana wrap the driver's exception a few levels deep. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("JDBC exception", cause));
    }

    @Test
    void connectionLossSerializationDeadlockLockAndPoolTimeoutsAreTransient() {
        for (String state : new String[]{"08006", "08003", "08001", "40001", "40P01", "55P03", "57P01", "57P03",
                "57014", "53300", "58030"}) {
            assertTrue(TransientFailures.isTransient(wrapped(new SQLException("failed", state))), state);
        }
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection"))), "Agroal's pool timeout");
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("gone"))));
        assertTrue(TransientFailures.isTransient(wrapped(new ConnectException("Connection refused"))));
        assertTrue(TransientFailures.isTransient(wrapped(new EOFException("the server closed the connection"))));
    }

    @Test
    void constraintDataAndSyntaxErrorsAndOtherFailuresAreNot() {
        for (String state : new String[]{"23505", "23514", "22003", "42P01", "42601", "P0001", null, "0"}) {
            assertFalse(TransientFailures.isTransient(wrapped(new SQLException("failed", state))), state);
        }
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new IOException("not a database problem")));
        assertFalse(TransientFailures.isTransient(null));
    }

    /**
     * Found by the PostgreSQL crash-restart drill: a backend killed during a commit gave a 500. Narayana's
     * RollbackException (ARJUNA016053) carries the driver's I/O error as a suppressed exception, not as cause.
     */
    @Test
    void aCommitThatFailedOnALostConnectionIsTransient() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        rollback.addSuppressed(xa);
        assertTrue(TransientFailures.isTransient(new IllegalStateException("Error invoking subclass method",
                rollback)));
        RuntimeException constraint = new RuntimeException("could not commit");
        constraint.addSuppressed(new SQLException("x", "23514"));
        assertFalse(TransientFailures.isTransient(constraint));
    }

    @Test
    void aChainedNextExceptionCountsAndACycleEnds() {
        SQLException batch = new SQLException("batch failed", "23000");
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertTrue(TransientFailures.isTransient(batch));

        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);
        assertFalse(TransientFailures.isTransient(first));
    }

    @Test
    void describeNamesTheInnermostCauseOnOneLine() {
        assertEquals("SQLException: terminating connection",
                TransientFailures.describe(wrapped(new SQLException("terminating connection\n  detail", "57P01"))));
    }
}
