package se.kvinnohalsa.support.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import se.kvinnohalsa.support.fault.RetryState;
import se.kvinnohalsa.support.fault.TransientFailures;
import se.kvinnohalsa.support.requestid.RequestIds;
import se.kvinnohalsa.support.tracing.TraceContexts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox events to Kafka as CloudEvents (binary mode) in commit order, and marks them sent only when the
 * broker has acknowledged them (acks=all, idempotent producer). Woken right after each commit; polls as a fallback,
 * so events written while Kafka was down go out once it is back. One relay works at a time per database (advisory
 * lock), which keeps the order per key when several replicas run.
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by the replicas of one service; each service has its own database. */
    private static final long RELAY_LOCK = 0x6b68_6f75_7462_6f78L;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    private final Semaphore wakeUps = new Semaphore(0);
    /** Sends not yet answered by the broker, in the order they were sent; only the relay's thread uses it. */
    private final Map<UUID, CompletableFuture<Void>> inFlight = new LinkedHashMap<>();
    private volatile boolean running;
    private volatile RetryState retryState;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUps.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Called after a commit that wrote events. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Whether the relay is retrying a failure (database or Kafka unreachable), for readiness. */
    public synchronized RetryState retryState() {
        if (retryState == null) {
            retryState = new RetryState(clock);
        }
        return retryState;
    }

    private void loop() {
        Duration backoff = config.pollInterval();
        RetryState state = retryState();
        while (running) {
            int relayed;
            try {
                relayed = relayBatch();
                backoff = config.pollInterval();
                state.recovered();
            } catch (RuntimeException e) {
                // Whatever failed (a database blip, Kafka away), the thread lives on and the same events go next time.
                LOG.warnf("outbox relay: %s; retrying in %s", TransientFailures.describe(e), backoff);
                state.failed(e);
                relayed = 0;
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
            }
            if (relayed < config.batchSize()) {
                try {
                    wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Relays the oldest unsent events; returns how many were acknowledged. Nothing is sent again while an earlier send
     * of this relay is still unanswered (the emitter and the producer may still deliver it: sending it again would
     * duplicate it and could overtake it), and after a failure only one event goes until the broker answers again, so
     * that events queued behind a failing one cannot overtake it.
     */
    int relayBatch() {
        Settled settled = QuarkusTransaction.requiringNew()
                .timeout((int) config.ackTimeout().plusSeconds(30).toSeconds()).call(() -> {
                    Boolean locked = (Boolean) entityManager
                            .createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                            .setParameter("lock", RELAY_LOCK).getSingleResult();
                    if (!Boolean.TRUE.equals(locked)) {
                        return Settled.NOTHING;
                    }
                    if (inFlight.isEmpty()) {
                        int size = retryState().retrying() ? 1 : config.batchSize();
                        List<OutboxEvent> batch = entityManager.createQuery(
                                "FROM OutboxEvent WHERE sentAt IS NULL ORDER BY seq", OutboxEvent.class)
                                .setMaxResults(size).getResultList();
                        for (OutboxEvent event : batch) {
                            inFlight.put(event.id, send(event));
                        }
                    }
                    Settled answered = settle(System.nanoTime() + config.ackTimeout().toNanos());
                    if (!answered.acknowledged().isEmpty()) {
                        entityManager.createQuery("UPDATE OutboxEvent SET sentAt = :now WHERE id IN :ids")
                                .setParameter("now", Instant.now(clock))
                                .setParameter("ids", answered.acknowledged()).executeUpdate();
                    }
                    return answered;
                });
        // Forgotten only once the database knows: if that commit failed they are marked next time, not sent again.
        settled.acknowledged().forEach(inFlight::remove);
        settled.failed().forEach(inFlight::remove);
        if (!settled.failed().isEmpty() || !inFlight.isEmpty()) {
            throw new IllegalStateException(settled.failed().size() + " events refused and " + inFlight.size()
                    + " still unanswered by Kafka");
        }
        return settled.acknowledged().size();
    }

    /** Waits until the deadline for the answers to the sends in flight. */
    private Settled settle(long deadline) {
        List<UUID> acknowledged = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        inFlight.forEach((id, ack) -> {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(id);
            } catch (TimeoutException stillWaiting) {
                // still in flight: answered later, never sent twice
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException refused) {
                LOG.debugf("outbox event %s not acknowledged: %s", id, refused.getCause());
                failed.add(id);
            }
        });
        return new Settled(acknowledged, failed);
    }

    private record Settled(List<UUID> acknowledged, List<UUID> failed) {
        static final Settled NOTHING = new Settled(List.of(), List.of());
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        if (event.requestId != null) {
            headers.add(RequestIds.HEADER, event.requestId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withSource(URI.create(config.source()))
                .withType(event.type)
                .withSubject(event.subject)
                .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .withHeaders(headers)
                .build();
        // The Kafka connector sends the record in a producer span whose parent is the request that wrote the event,
        // and writes that span's traceparent header: the consumer continues the request's trace.
        TracingMetadata trace = TracingMetadata.withCurrent(TraceContexts.fromTraceparent(event.traceparent));
        Message<String> message = Message.of(event.payload, Metadata.of(cloudEvent, record, trace),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
