package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import se.kvinnohalsa.events.EventHeaders;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.gateway.routing.Problems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GET /api/v1/events: every domain event as Server-Sent Events, for live dashboards. Each stream reads the topics with
 * a Kafka consumer of its own (no consumer group: nothing is committed, every client sees everything) from the end,
 * or, with {@code Last-Event-ID}, from just after the last event the client received, as far as the broker still
 * has the events. A comment line every heartbeat interval keeps idle connections open.
 */
@ApplicationScoped
public class EventStream {

    private static final Logger LOG = Logger.getLogger(EventStream.class);
    static final String PATH = "/api/v1/events";
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    /** Topics or partitions created after a stream started are picked up this often. */
    private static final Duration REASSIGN_EVERY = Duration.ofSeconds(30);
    private static final long BACKPRESSURE_PAUSE_MS = 50;
    private static final String RETRY_MS = "3000";

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry metrics;

    /** Quarkus' Kafka settings ({@code kafka.*}, e.g. KAFKA_BOOTSTRAP_SERVERS), as every Kafka client here uses them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private final AtomicInteger clients = new AtomicInteger();
    private final AtomicLong streamIds = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private ExecutorService pumps;

    void routes(@Observes Router router) {
        pumps = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sse-events-" + streamIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        metrics.gauge("gateway.events.clients", clients);
        router.get(PATH).order(-9).handler(this::open);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.set(false);
        if (pumps != null) {
            pumps.shutdownNow();
        }
    }

    private void open(RoutingContext routing) {
        String lastEventId = routing.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = routing.request().getParam("lastEventId");
        }
        EventCursor from;
        try {
            from = EventCursor.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            Problems.send(routing, 400, "Bad Request",
                    "Last-Event-ID is not an event id of this stream: " + e.getMessage());
            return;
        }
        if (clients.incrementAndGet() > config.events().maxClients()) {
            clients.decrementAndGet();
            routing.response().putHeader("Retry-After", "30");
            Problems.send(routing, 503, "Service Unavailable", "Too many event streams are open; try again later");
            return;
        }
        HttpServerResponse response = routing.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        AtomicBoolean open = new AtomicBoolean(true);
        response.closeHandler(v -> open.set(false));
        response.exceptionHandler(e -> open.set(false));
        Context context = routing.vertx().getOrCreateContext();
        response.write("retry: " + RETRY_MS + "\n\n");
        try {
            pumps.submit(() -> {
                try {
                    pump(new Client(response, context, open), from);
                } catch (Exception e) {
                    LOG.warnf("event stream ended: %s", e.toString());
                } finally {
                    clients.decrementAndGet();
                    context.runOnContext(v -> {
                        if (!response.ended() && !response.closed()) {
                            response.end();
                        }
                    });
                }
            });
        } catch (RuntimeException rejected) {
            clients.decrementAndGet();
            response.end();
        }
    }

    private record Client(HttpServerResponse response, Context context, AtomicBoolean open) {
        boolean connected() {
            return open.get();
        }

        void send(String text) {
            context.runOnContext(v -> {
                if (!response.ended() && !response.closed()) {
                    response.write(text);
                }
            });
        }

        /** Waits while the client reads slower than the events come. */
        void awaitRoom() throws InterruptedException {
            while (connected() && response.writeQueueFull()) {
                Thread.sleep(BACKPRESSURE_PAUSE_MS);
            }
        }
    }

    private void pump(Client client, EventCursor from) throws InterruptedException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            EventCursor cursor = assign(consumer, from, from.isEmpty());
            client.send(SseMessages.event(cursor.toString(), "ready", "{\"resumed\": " + !from.isEmpty() + "}"));
            Instant lastSent = Instant.now();
            Instant reassignAt = Instant.now().plus(REASSIGN_EVERY);
            while (running.get() && client.connected() && !Thread.currentThread().isInterrupted()) {
                if (consumer.assignment().isEmpty()) {
                    // None of the topics exists yet (a new installation): look again soon.
                    Thread.sleep(config.events().pollTimeout().toMillis());
                    reassignAt = Instant.now();
                }
                for (ConsumerRecord<String, String> record : consumer.assignment().isEmpty()
                        ? List.<ConsumerRecord<String, String>>of()
                        : consumer.poll(config.events().pollTimeout())) {
                    cursor = cursor.after(new TopicPartition(record.topic(), record.partition()), record.offset());
                    client.awaitRoom();
                    client.send(SseMessages.event(cursor.toString(), SseMessages.header(record, EventHeaders.TYPE),
                            SseMessages.data(record)));
                    lastSent = Instant.now();
                }
                if (Instant.now().isAfter(lastSent.plus(config.events().heartbeat()))) {
                    client.send(SseMessages.comment("heartbeat " + Instant.now()));
                    lastSent = Instant.now();
                }
                if (!Instant.now().isBefore(reassignAt)) {
                    cursor = reassign(consumer, cursor);
                    reassignAt = Instant.now().plus(REASSIGN_EVERY);
                }
            }
        }
    }

    /**
     * Assigns every partition of the streamed topics. A partition the cursor names starts where the cursor says (or at
     * the oldest event the broker still has); one it does not name starts at the end for a new stream, at the
     * beginning for a resumed one (it appeared after the client's cursor was made).
     */
    private EventCursor assign(KafkaConsumer<String, String> consumer, EventCursor from, boolean newStream) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long wanted = from.next().get(partition);
            long position = wanted != null
                    ? Math.max(wanted, beginning.getOrDefault(partition, 0L))
                    : newStream ? end.getOrDefault(partition, 0L) : beginning.getOrDefault(partition, 0L);
            consumer.seek(partition, position);
            start.put(partition, position);
        }
        return new EventCursor(start);
    }

    private EventCursor reassign(KafkaConsumer<String, String> consumer, EventCursor cursor) {
        List<TopicPartition> partitions = partitions(consumer);
        if (consumer.assignment().containsAll(partitions)) {
            return cursor;
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            next.put(partition, consumer.position(partition));
        }
        return assign(consumer, new EventCursor(next), false);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(METADATA_TIMEOUT);
        for (String topic : config.events().topics()) {
            for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        // All of Quarkus' Kafka settings, the security ones too (SASL/TLS in Kubernetes), then this consumer's own.
        properties.putAll(kafka);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-events-" + streamIds.incrementAndGet());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return properties;
    }
}
