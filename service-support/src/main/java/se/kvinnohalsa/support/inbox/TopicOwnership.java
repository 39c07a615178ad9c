package se.kvinnohalsa.support.inbox;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kvinnohalsa.events.Topics;

import java.util.Objects;
import java.util.Optional;

/**
 * Each topic has one producer ({@link Topics#OWNERS}): an event on it from any other CloudEvents source is refused
 * (to the dead-letter topic), so that a service that can reach Kafka cannot speak for another. The broker's ACLs
 * say the same in Kubernetes; this check holds wherever the broker is open.
 */
public final class TopicOwnership {

    private TopicOwnership() {
    }

    /** Throws a {@link PoisonEventException} naming the topic, the source and the owner when they do not match. */
    public static void requireOwner(Message<?> message, String source) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(null);
        refusal(topic, source).ifPresent(reason -> {
            throw new PoisonEventException(reason);
        });
    }

    /** Why an event from {@code source} on {@code topic} is refused; empty when it is the owner's (or not our topic). */
    static Optional<String> refusal(String topic, String source) {
        return Topics.ownerOf(topic).filter(owner -> !Objects.equals(owner, source))
                .map(owner -> "source " + source + " may not publish to " + topic + ": only " + owner + " does");
    }
}
