package se.kvinnohalsa.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.kvinnohalsa.support.fault.RetryState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many events wait in the outbox and for how long, and how many incoming events this instance sent to a
 * dead-letter topic: a gauge for Prometheus and detail in the readiness check. A backlog does not make the service
 * unready (Kafka's own check does that); it tells ops what waits.
 */
@Readiness
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class OutboxStatus implements HealthCheck {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    void registerMetrics(@Observes StartupEvent startup) {
        Gauge.builder("outbox.pending", this, s -> s.pending()).description("events not yet acknowledged by Kafka")
                .register(registry);
        // For the alert on a backlog that does not drain: a count alone cannot tell a burst from a stuck relay.
        Gauge.builder("outbox.oldest.pending", this, s -> s.oldestPendingSeconds()).baseUnit("seconds")
                .description("age of the oldest event not yet acknowledged by Kafka (0 when none waits)")
                .register(registry);
    }

    /** Seconds since the oldest unsent event was written; 0 when the outbox is empty. */
    public long oldestPendingSeconds() {
        Instant oldest = QuarkusTransaction.joiningExisting().call(() -> (Instant) entityManager
                .createQuery("SELECT min(e.createdAt) FROM OutboxEvent e WHERE e.sentAt IS NULL").getSingleResult());
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now(clock)).toSeconds());
    }

    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> (Long) entityManager
                .createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.sentAt IS NULL").getSingleResult());
    }

    @Override
    public HealthCheckResponse call() {
        RetryState relayState = relay.retryState();
        return QuarkusTransaction.requiringNew().call(() -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up();
            relayState.detail().forEach((name, value) -> response.withData("relay." + name, String.valueOf(value)));
            Object[] row = (Object[]) entityManager.createQuery(
                    "SELECT count(e), min(e.createdAt) FROM OutboxEvent e WHERE e.sentAt IS NULL").getSingleResult();
            long pending = (Long) row[0];
            Instant oldest = (Instant) row[1];
            return response
                    .withData("pending", pending)
                    .withData("oldestPendingSeconds",
                            oldest == null ? 0 : Duration.between(oldest, Instant.now(clock)).toSeconds())
                    .withData("deadLettered", (long) registry.find("events.dead.lettered").counters().stream()
                            .mapToDouble(Counter::count).sum())
                    .withData("relay", relayState.retrying() ? "DEGRADED" : "OK")
                    .build();
        });
    }
}
