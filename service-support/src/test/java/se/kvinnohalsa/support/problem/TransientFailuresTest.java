package se.kvinnohalsa.support.problem;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    /** How the driver's exception arrives: wrapped by Hibernate and the transaction manager. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("commit failed", new RuntimeException("could not execute", cause));
    }

    @Test
    void theDatabaseBeingUnavailableIsTransient() {
        for (String state : new String[]{"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "40001",
                "40P01", "55P03"}) {
            assertTrue(TransientFailures.isTransient(wrapped(new SQLException("x", state))), state);
        }
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
        assertTrue(TransientFailures.isTransient(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void brokenRulesAndBugsAreNot() {
        for (String state : new String[]{"23505", "23514", "22021", "42P01", "22003"}) {
            assertFalse(TransientFailures.isTransient(wrapped(new SQLException("x", state))), state);
        }
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new UncheckedIOException("x", new java.io.IOException("y"))));
    }

    /**
     * Found by the PostgreSQL crash-restart drill: a backend killed during a commit gave a 500. Narayana's
     * RollbackException (ARJUNA016053) carries the driver's I/O error as a suppressed exception, not as cause.
     */
    @Test
    void aCommitThatFailedOnALostConnectionIsTransient() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new java.io.EOFException()));
        rollback.addSuppressed(xa);
        assertTrue(TransientFailures.isTransient(new IllegalStateException("Error invoking subclass method",
                rollback)));
        RuntimeException constraint = new RuntimeException("could not commit");
        constraint.addSuppressed(new SQLException("x", "23514"));
        assertFalse(TransientFailures.isTransient(constraint));
    }

    @Test
    void aCycleInTheCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(a));
    }
}
