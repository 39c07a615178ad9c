package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads from Kafka for a stream whose position is older than the gateway's buffer, with a short-lived consumer of
 * its own, until the buffer holds everything after the position it reached; then the stream goes on from the buffer
 * and live. At most {@code concurrency} such reads run at once and {@code queue} wait; the client's reading paces
 * the read, and a client that reads nothing for the slow-client grace is cut off.
 */
final class CatchUpReader implements LoopFanout.CatchUp, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CatchUpReader.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    /** How the catch-up reads are bounded and paced. */
    record Settings(List<String> topics, int concurrency, int queue, Duration pollTimeout,
            Duration slowClientGrace, Counter started) {
    }

    private final Supplier<Properties> consumerProperties;
    private final RecentEvents recent;
    private final Settings settings;
    private final Semaphore slots;
    private final ExecutorService workers;
    private volatile boolean running = true;

    CatchUpReader(Supplier<Properties> consumerProperties, RecentEvents recent, Settings settings) {
        this.consumerProperties = consumerProperties;
        this.recent = recent;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency() + settings.queue());
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread thread = new Thread(r, "gateway-events-catch-up-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether a catch-up read could start (or wait its turn) now. */
    boolean hasRoom() {
        return slots.availablePermits() > 0;
    }

    @Override
    public boolean start(Subscriber subscriber, EventCursor from) {
        if (!running || !slots.tryAcquire()) {
            return false;
        }
        subscriber.state = Subscriber.State.CATCHING_UP;
        try {
            workers.execute(() -> {
                try {
                    read(subscriber, from);
                } catch (Exception e) {
                    LOG.warnf("catch-up read ended: %s", e.toString());
                    subscriber.loop.context().runOnContext(v -> subscriber.loop.end(subscriber));
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            slots.release();
            return false;
        }
        settings.started().increment();
        return true;
    }

    private void read(Subscriber subscriber, EventCursor from) throws InterruptedException, ExecutionException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties.get())) {
            List<TopicPartition> partitions = partitions(consumer, subscriber);
            if (partitions == null) {
                return;
            }
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long next = from.next().get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition)); // it appeared after the client's position was made
                } else {
                    consumer.seek(partition, next);
                }
            }
            EventCursor cursor = from;
            while (running && !subscriber.ended()) {
                if (recent.canServe(cursor) && handOver(subscriber, cursor)) {
                    return;
                }
                StringBuilder text = new StringBuilder();
                for (ConsumerRecord<String, String> record : partitions.isEmpty()
                        ? List.<ConsumerRecord<String, String>>of()
                        : consumer.poll(settings.pollTimeout())) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long next = cursor.next().get(partition);
                    if (next != null && record.offset() < next) {
                        continue;
                    }
                    cursor = cursor.after(partition, record.offset());
                    text.append(StreamedEvent.Content.of(record).message(cursor.toString(), subscriber.audience));
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(settings.pollTimeout().toMillis());
                }
                if (!text.isEmpty() && !send(subscriber, text.toString())) {
                    return;
                }
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The streamed topics' partitions; null when the stream ended before Kafka answered. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, Subscriber subscriber)
            throws InterruptedException {
        while (running && !subscriber.ended()) {
            try {
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(METADATA_TIMEOUT);
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : settings.topics()) {
                    for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                return partitions;
            } catch (org.apache.kafka.common.errors.TimeoutException kafkaDown) {
                Thread.sleep(settings.pollTimeout().toMillis());
            }
        }
        return null;
    }

    /** On the stream's loop: on from the buffer, if it still holds everything after the position. */
    private boolean handOver(Subscriber subscriber, EventCursor at) throws InterruptedException, ExecutionException {
        CompletableFuture<Boolean> handed = new CompletableFuture<>();
        subscriber.loop.context().runOnContext(v -> handed.complete(subscriber.loop.replay(subscriber, at)));
        return handed.get();
    }

    /** Writes on the stream's loop and waits until the client has taken enough; false if it is over. */
    private boolean send(Subscriber subscriber, String text) throws InterruptedException, ExecutionException {
        CompletableFuture<Boolean> room = new CompletableFuture<>();
        subscriber.loop.context().runOnContext(v -> {
            if (subscriber.ended()) {
                room.complete(false);
                return;
            }
            subscriber.write(text);
            if (subscriber.queueFull()) {
                subscriber.awaitingRoom = room;
                subscriber.connection.onceDrained(() -> {
                    subscriber.awaitingRoom = null;
                    room.complete(true);
                });
            } else {
                room.complete(true);
            }
        });
        try {
            return room.get(settings.slowClientGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stalled) {
            subscriber.loop.context().runOnContext(v -> subscriber.loop.cut(subscriber));
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        workers.shutdownNow();
    }
}
