package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import se.kvinnohalsa.events.EventHeaders;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.support.inbox.DeadLetterHeaders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's one Kafka reader of the streamed topics (no consumer group: nothing is committed, it reads
 * everything). It starts at the end of every partition that exists when it starts (and at the beginning of one that
 * appears later), keeps the recent events for resumes ({@link RecentEvents}), hands every batch to each event loop
 * that serves streams ({@link LoopFanout}), and tells the gateway's own subscribers of each event with the CDI event
 * {@link DomainEventReceived}: to synchronous observers before the streams get the batch, then asynchronously.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final double MEDIAN = 0.5;
    private static final double P99 = 0.99;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry metrics;

    /** Quarkus' Kafka settings ({@code kafka.*}, e.g. KAFKA_BOOTSTRAP_SERVERS), as every Kafka client here uses them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    Event<DomainEventReceived> domainEvents;

    private final List<LoopFanout> loops = new CopyOnWriteArrayList<>();
    private final AtomicLong consumerIds = new AtomicLong();
    private RecentEvents recent;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;
    private Timer readLag;

    @PostConstruct
    void init() {
        recent = new RecentEvents(config.events().topics(), config.events().buffer().maxEvents(),
                config.events().buffer().maxBytes());
        metrics.gauge("gateway.events.buffered", recent, RecentEvents::size);
        readLag = Timer.builder("gateway.events.read-lag")
                .description("from an event's Kafka timestamp to the gateway reading it")
                .publishPercentiles(MEDIAN, P99).register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        reader = new Thread(this::read, "gateway-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            reader.join(METADATA_TIMEOUT.toMillis());
        }
    }

    RecentEvents recent() {
        return recent;
    }

    /** A loop that serves streams: it gets every batch from now on. */
    void register(LoopFanout loop) {
        loops.add(loop);
    }

    /** Settings of every consumer of the streamed topics (this reader's and the catch-up reads'). */
    Properties consumerProperties(String name) {
        Properties properties = new Properties();
        // All of Quarkus' Kafka settings, the security ones too (SASL/TLS in Kubernetes), then this consumer's own.
        properties.putAll(kafka);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + consumerIds.incrementAndGet());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // A position the broker no longer has (retention) goes on from the oldest event it still has.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private Properties liveProperties() {
        return withLiveFetch(consumerProperties("gateway-events"), config.events().liveFetch());
    }

    /** The live reader's: fetches answered as soon as an event is there, whatever kafka.* says for throughput. */
    static Properties withLiveFetch(Properties consumer, GatewayConfig.Events.LiveFetch fetch) {
        Properties properties = new Properties();
        properties.putAll(consumer);
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetch.minBytes());
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetch.maxWait().toMillis());
        return properties;
    }

    private void read() {
        boolean firstLook = true;
        while (running) {
            try (KafkaConsumer<String, String> reading = new KafkaConsumer<>(liveProperties())) {
                consumer = reading;
                long discoverAt = 0;
                while (running) {
                    if (System.nanoTime() - discoverAt >= 0) {
                        firstLook = !discover(reading, firstLook) && firstLook;
                        discoverAt = System.nanoTime() + config.events().discoverEvery().toNanos();
                    }
                    if (reading.assignment().isEmpty()) {
                        Thread.sleep(config.events().pollTimeout().toMillis());
                        continue;
                    }
                    ConsumerRecords<String, String> records = reading.poll(config.events().pollTimeout());
                    if (!records.isEmpty()) {
                        publish(records);
                    }
                }
            } catch (WakeupException | InterruptException | InterruptedException stopping) {
                if (running) {
                    LOG.warnf("event reader interrupted; starting again: %s", stopping.toString());
                }
            } catch (RuntimeException e) {
                LOG.warnf("event reader failed; starting again: %s", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.events().pollTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Assigns every partition of the streamed topics: one the gateway already reads goes on where it was; a new one
     * starts at its end on the first successful look (the gateway streams what happens from its start on), at its
     * beginning later (it appeared meanwhile: all of it is new). True once Kafka answered.
     */
    private boolean discover(KafkaConsumer<String, String> reading, boolean firstLook) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = reading.listTopics(METADATA_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException kafkaDown) {
            LOG.debugf("Kafka does not answer: %s", kafkaDown.getMessage());
            return false;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : config.events().topics()) {
            for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        Set<TopicPartition> assigned = reading.assignment();
        if (assigned.containsAll(partitions)) {
            return true;
        }
        reading.assign(partitions);
        Map<TopicPartition, Long> known = recent.position().next();
        List<TopicPartition> fresh = partitions.stream().filter(p -> !known.containsKey(p)).toList();
        Map<TopicPartition, Long> starts = fresh.isEmpty()
                ? Map.of()
                : firstLook
                        ? reading.endOffsets(fresh, METADATA_TIMEOUT)
                        : reading.beginningOffsets(fresh, METADATA_TIMEOUT);
        for (TopicPartition partition : partitions) {
            Long at = known.containsKey(partition) ? known.get(partition) : starts.getOrDefault(partition, 0L);
            reading.seek(partition, at);
            recent.partitionAdded(partition, at);
        }
        return true;
    }

    private void publish(ConsumerRecords<String, String> records) {
        List<RecentEvents.Read> reads = new ArrayList<>(records.count());
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            readLag.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
            reads.add(new RecentEvents.Read(new TopicPartition(record.topic(), record.partition()), record.offset(),
                    StreamedEvent.Content.of(record)));
        }
        List<DomainEventReceived> received = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            if (record.headers().lastHeader(DeadLetterHeaders.REDRIVEN_FOR) != null) {
                continue; // a dead letter sent back for one service's consumer: nothing new for the gateway
            }
            received.add(new DomainEventReceived(record.topic(), SseMessages.header(record, EventHeaders.TYPE),
                    SseMessages.header(record, EventHeaders.SUBJECT), record.key(), record.value()));
        }
        // Synchronous observers (the shared HTTP cache drops what it stored) run before any stream sees the event,
        // so that a dashboard that fetches again on an event never gets the answer from before it.
        for (DomainEventReceived event : received) {
            try {
                domainEvents.fire(event);
            } catch (RuntimeException failure) {
                LOG.warnf("a subscriber of %s failed: %s", DomainEventReceived.class.getSimpleName(),
                        failure.toString());
            }
        }
        Batch batch = new Batch(recent.append(reads));
        for (LoopFanout loop : loops) {
            loop.offer(batch);
        }
        for (DomainEventReceived event : received) {
            domainEvents.fireAsync(event)
                    .exceptionally(failure -> {
                        LOG.warnf("a subscriber of %s failed: %s", DomainEventReceived.class.getSimpleName(),
                                failure.toString());
                        return null;
                    });
        }
    }
}
