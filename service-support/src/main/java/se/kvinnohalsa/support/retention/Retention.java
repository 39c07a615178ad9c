package se.kvinnohalsa.support.retention;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import se.kvinnohalsa.support.SupportConfig;
import se.kvinnohalsa.support.fault.TransientFailures;
import se.kvinnohalsa.support.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the event backbone's tables from growing forever: sent outbox events older than what replay needs, applied
 * event ids older than what de-duplication needs and expired idempotency keys are deleted, a small batch per
 * transaction so that the relay, the consumers and the API never wait long on them. Unsent events are never
 * deleted. Runs every {@code support.retention.interval}; several replicas doing so at once only share the work.
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    SupportConfig config;

    @Scheduled(identity = "event-backbone-retention", every = "${support.retention.interval}", delayed = "${support.retention.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.retention().enabled()) {
            return;
        }
        try {
            RetentionRun run = run();
            if (run.outboxEvents() + run.processedEvents() + run.idempotencyKeys() > 0) {
                LOG.infof("retention deleted %s", run);
            }
        } catch (RuntimeException e) {
            // The next run picks up where this one stopped.
            LOG.warnf("retention stopped: %s", TransientFailures.describe(e));
        }
    }

    /** One pass over the three tables; returns how many rows went, in how many transactions. */
    public RetentionRun run() {
        Instant now = Instant.now(clock);
        SupportConfig.Retention settings = config.retention();
        int[] batches = {0};
        long outbox = deleteInBatches("""
                DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event
                  WHERE sent_at IS NOT NULL AND created_at < :cutoff ORDER BY seq LIMIT :batch)""",
                now.minus(settings.outboxSent()), batches);
        long processed = deleteInBatches("""
                DELETE FROM processed_event p USING (SELECT consumer, event_id FROM processed_event
                  WHERE processed_at < :cutoff LIMIT :batch) old
                WHERE p.consumer = old.consumer AND p.event_id = old.event_id""",
                now.minus(settings.processedEvents()), batches);
        long keys = deleteInBatches("""
                DELETE FROM idempotency_key k USING (SELECT caller, idem_key FROM idempotency_key
                  WHERE expires_at < :cutoff LIMIT :batch) old
                WHERE k.caller = old.caller AND k.idem_key = old.idem_key""", now, batches);
        return new RetentionRun(outbox, processed, keys, batches[0]);
    }

    private long deleteInBatches(String delete, Instant cutoff, int[] batches) {
        int size = config.retention().batchSize();
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                    .setParameter("cutoff", cutoff).setParameter("batch", size).executeUpdate());
            total += deleted;
            batches[0]++;
        } while (deleted == size);
        return total;
    }

    /** Rows deleted per table and the transactions it took. */
    public record RetentionRun(long outboxEvents, long processedEvents, long idempotencyKeys, int batches) {
    }
}
