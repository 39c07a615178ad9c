package se.kvinnohalsa.allocation.backbone;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.PostgresServer;
import se.kvinnohalsa.support.retention.Retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 8: sent outbox events and applied event ids older than their retention and expired
 * idempotency keys are deleted in batches of 500 (outbox 30 days, applied ids 35); unsent events, recent rows and live keys stay.
 */
@QuarkusTest
class RetentionTest {

    private static final int OLD_SENT = 1_200;
    private static final int OLD_PROCESSED = 700;

    @Inject
    Retention retention;

    @Test
    void oldSentEventsAppliedIdsAndExpiredKeysGoInBatchesTheRestStays() throws SQLException {
        try (Connection db = database(); Statement s = db.createStatement()) {
            s.execute("DELETE FROM outbox_event WHERE topic = 'retention-test'");
            s.execute("DELETE FROM processed_event WHERE consumer = 'retention-test'");
            s.execute("DELETE FROM idempotency_key WHERE caller = 'retention-test'");
            s.execute(outbox(OLD_SENT, "now() - interval '40 days'", "now() - interval '40 days'"));
            s.execute(outbox(3, "now() - interval '40 days'", "NULL")); // never sent: kept whatever its age
            s.execute(outbox(4, "now() - interval '10 days'", "now() - interval '10 days'")); // replay needs these
            s.execute(processed(OLD_PROCESSED, "now() - interval '36 days'"));
            s.execute(processed(5, "now() - interval '34 days'"));
            s.execute(keys("expired-", 6, "now() - interval '1 minute'"));
            s.execute(keys("live-", 2, "now() + interval '23 hours'"));
        }

        Retention.RetentionRun run = retention.run();

        assertTrue(run.outboxEvents() >= OLD_SENT, "old sent events deleted: " + run);
        assertTrue(run.processedEvents() >= OLD_PROCESSED, "old applied ids deleted: " + run);
        assertTrue(run.idempotencyKeys() >= 6, "expired keys deleted: " + run);
        assertTrue(run.batches() >= 3 + 2 + 1, "at most 500 rows per transaction: " + run);
        assertEquals(3, count("SELECT count(*) FROM outbox_event WHERE topic = 'retention-test' AND sent_at IS NULL"));
        assertEquals(7, count("SELECT count(*) FROM outbox_event WHERE topic = 'retention-test'"));
        assertEquals(5, count("SELECT count(*) FROM processed_event WHERE consumer = 'retention-test'"));
        assertEquals(2, count("SELECT count(*) FROM idempotency_key WHERE caller = 'retention-test'"));
        System.out.printf("[retention] %s%n", run);

        Retention.RetentionRun again = retention.run();
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE topic = 'retention-test' AND sent_at IS NOT NULL"
                + " AND created_at < now() - interval '30 days'"));
        assertEquals(3, again.batches(), "nothing left: one empty batch per table");
    }

    private static String outbox(int rows, String createdAt, String sentAt) {
        return """
                INSERT INTO outbox_event (id, topic, event_key, type, subject, payload, created_at, sent_at)
                SELECT gen_random_uuid(), 'retention-test', 'k', 'test.v1', 's', '{}', %s, %s
                FROM generate_series(1, %d)""".formatted(createdAt, sentAt, rows);
    }

    private static String processed(int rows, String processedAt) {
        return """
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                SELECT 'retention-test', gen_random_uuid()::text, 'test.v1', %s FROM generate_series(1, %d)"""
                .formatted(processedAt, rows);
    }

    private static String keys(String prefix, int rows, String expiresAt) {
        return """
                INSERT INTO idempotency_key (caller, idem_key, owner, state, fingerprint, request_method, request_path,
                    response_status, response_headers, response_body, created_at, locked_until, completed_at,
                    expires_at)
                SELECT 'retention-test', '%s' || n, gen_random_uuid(), 'COMPLETED', repeat('0', 64), 'POST', '/x',
                    200, '{}', ''::bytea, now() - interval '1 day', now(), now(), %s
                FROM generate_series(1, %d) n""".formatted(prefix, expiresAt, rows);
    }

    private static int count(String sql) throws SQLException {
        try (Connection db = database();
                PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(Infrastructure.shared().postgres().jdbcUrl("allocation"),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
