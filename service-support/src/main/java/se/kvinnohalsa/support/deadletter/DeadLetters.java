package se.kvinnohalsa.support.deadletter;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import se.kvinnohalsa.support.SupportConfig;
import se.kvinnohalsa.support.fault.TransientFailures;
import se.kvinnohalsa.support.inbox.DeadLetterHeaders;
import se.kvinnohalsa.support.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Reads what this service's consumer left on a dead-letter topic and sends chosen records back to the topic they came
 * from, once the cause is fixed. A record sent back keeps its CloudEvent id and headers and is marked
 * {@link DeadLetterHeaders#REDRIVEN_FOR} this consumer, so other consumers of the topic pass it by; the inbox then
 * applies it at most once, as any redelivery.
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern CHANNEL_DLQ = Pattern
            .compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Duration POLL = Duration.ofMillis(200);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    Config mpConfig;

    @Inject
    SupportConfig config;

    @Inject
    EntityManager entityManager;

    /** The incoming channels of this service that have a dead-letter topic. */
    public List<DeadLetterChannel> channels() {
        List<DeadLetterChannel> channels = new ArrayList<>();
        for (String name : mpConfig.getPropertyNames()) {
            Matcher matcher = CHANNEL_DLQ.matcher(name);
            if (matcher.matches()) {
                String channel = matcher.group(1);
                channels.add(new DeadLetterChannel(channel,
                        mpConfig.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                                .orElse(channel),
                        mpConfig.getValue(name, String.class)));
            }
        }
        channels.sort((a, b) -> a.channel().compareTo(b.channel()));
        return channels;
    }

    public Optional<DeadLetterChannel> channelOf(String deadLetterTopic) {
        return channels().stream().filter(c -> c.deadLetterTopic().equals(deadLetterTopic)).findFirst();
    }

    /** This consumer's dead letters on the topic (and any written before they named their consumer). */
    public DeadLetterListing list(String deadLetterTopic, boolean pendingOnly) {
        String consumer = config.deadLetters().consumer();
        List<DeadLetter> records = read(deadLetterTopic, consumer);
        int pending = (int) records.stream().filter(r -> !r.applied()).count();
        List<DeadLetter> shown = records.stream().filter(r -> !pendingOnly || !r.applied()).toList();
        int limit = config.deadLetters().maxListed();
        if (shown.size() > limit) {
            shown = shown.subList(shown.size() - limit, shown.size());
        }
        return new DeadLetterListing(deadLetterTopic, consumer, records.size(), pending, shown);
    }

    /** Sends the named (or every pending) dead letter back to its topic for this consumer. */
    public RedriveResult redrive(String deadLetterTopic, List<String> eventIds) {
        String consumer = config.deadLetters().consumer();
        Map<String, ConsumerRecord<String, String>> latest = new LinkedHashMap<>();
        Map<String, Boolean> applied = new HashMap<>();
        List<ConsumerRecord<String, String>> raw = readRaw(deadLetterTopic);
        Set<String> appliedIds = appliedIds(consumer, raw.stream().map(r -> header(r, "ce_id")).toList());
        for (ConsumerRecord<String, String> record : raw) {
            String id = header(record, "ce_id");
            if (id != null && belongsTo(record, consumer)) {
                latest.put(id, record); // the newest copy of an event that was dead-lettered more than once
                applied.put(id, appliedIds.contains(id));
            }
        }
        List<String> wanted = eventIds == null || eventIds.isEmpty()
                ? latest.keySet().stream().filter(id -> !applied.get(id)).toList()
                : eventIds.stream().distinct().toList();
        List<String> redriven = new ArrayList<>();
        List<String> alreadyApplied = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<ConsumerRecord<String, String>> toSend = new ArrayList<>();
        for (String id : wanted) {
            if (!latest.containsKey(id)) {
                notFound.add(id);
            } else if (applied.get(id)) {
                alreadyApplied.add(id);
            } else {
                toSend.add(latest.get(id));
                redriven.add(id);
            }
        }
        send(deadLetterTopic, consumer, toSend);
        return new RedriveResult(deadLetterTopic, consumer, redriven, alreadyApplied, notFound);
    }

    private void send(String deadLetterTopic, String consumer, List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long timeout = config.deadLetters().readTimeout().toMillis();
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        // Kafka wants delivery.timeout.ms >= request.timeout.ms + linger.ms.
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout / 2);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                String topic = header(record, DeadLetterHeaders.TOPIC);
                ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("dead-letter-") && !header.key().startsWith("redriven-")) {
                        again.headers().add(header);
                    }
                }
                again.headers().add(DeadLetterHeaders.REDRIVEN_FOR, consumer.getBytes(StandardCharsets.UTF_8));
                again.headers().add(DeadLetterHeaders.REDRIVEN_FROM, (deadLetterTopic + ":" + record.partition()
                        + ":" + record.offset()).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(again));
                LOG.infof("dead letter %s (%s:%d:%d) sent back to %s for %s", header(record, "ce_id"),
                        deadLetterTopic, record.partition(), record.offset(), topic, consumer);
            }
            for (Future<?> ack : acks) {
                ack.get(timeout, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while sending dead letters back", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailableException(
                    "Kafka did not acknowledge the dead letters sent back: " + TransientFailures.describe(e), e);
        }
    }

    private List<DeadLetter> read(String deadLetterTopic, String consumer) {
        List<ConsumerRecord<String, String>> raw = readRaw(deadLetterTopic).stream()
                .filter(r -> belongsTo(r, consumer)).toList();
        Set<String> applied = appliedIds(consumer, raw.stream().map(r -> header(r, "ce_id")).toList());
        return raw.stream().map(r -> new DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_source"), header(r, "ce_subject"), r.key(),
                header(r, DeadLetterHeaders.CONSUMER), header(r, DeadLetterHeaders.REASON),
                header(r, DeadLetterHeaders.TOPIC), integer(header(r, DeadLetterHeaders.PARTITION)),
                longValue(header(r, DeadLetterHeaders.OFFSET)), applied.contains(header(r, "ce_id")), r.value()))
                .toList();
    }

    /** Records without a consumer header were written before the inbox named itself: shown to every consumer. */
    private static boolean belongsTo(ConsumerRecord<String, String> record, String consumer) {
        String owner = header(record, DeadLetterHeaders.CONSUMER);
        return owner == null || owner.equals(consumer);
    }

    @SuppressWarnings("unchecked")
    private Set<String> appliedIds(String consumer, List<String> ids) {
        List<String> known = ids.stream().filter(id -> id != null).distinct().toList();
        if (known.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<>(entityManager.createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)")
                .setParameter("consumer", consumer).setParameter("ids", known).getResultList()));
    }

    /** Every record on the topic, from the start to the end it had when the read began. */
    private List<ConsumerRecord<String, String>> readRaw(String topic) {
        Duration timeout = config.deadLetters().readTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, nothing committed
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (!atEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException(topic + " was not read to its end within " + timeout, null);
                }
                StreamSupport.stream(consumer.poll(POLL).spliterator(), false)
                        .filter(r -> r.offset() < end.get(new TopicPartition(r.topic(), r.partition())))
                        .forEach(records::add);
            }
            records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            return records;
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException unknown) {
            return List.of();
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("Kafka could not be read: " + TransientFailures.describe(e), e);
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Headers headers = record.headers();
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
