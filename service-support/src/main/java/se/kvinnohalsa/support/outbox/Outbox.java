package se.kvinnohalsa.support.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.support.requestid.RequestIds;
import se.kvinnohalsa.support.tracing.TraceContexts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes an event in the caller's transaction: it exists exactly when the change that caused it commits.
 * After the commit the relay is woken up to publish it.
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class Outbox {

    /**
     * The outbox, the relay, replay and the inbox live in the service's own PostgreSQL database: they are built into
     * an application only when it has one (the gateway has none).
     */
    public static final String NEEDS = "quarkus.datasource.db-kind";

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = event.topic();
        row.key = event.key();
        row.type = event.type();
        row.subject = event.subject();
        row.payload = EventJson.write(event);
        row.requestId = RequestIds.current();
        row.traceparent = TraceContexts.currentTraceparent();
        row.createdAt = Instant.now(clock);
        entityManager.persist(row);
        // One line per change, written under the request id (MDC) of the call that caused it.
        LOG.infof("%s %s queued for %s (event %s)", row.type, row.subject, row.topic, row.id);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return row.id;
    }
}
