package se.kvinnohalsa.support.deadletter;

import java.time.Instant;

/**
 * One record on a dead-letter topic: where it sits, the CloudEvent it carries, who gave up on it and why, where it
 * came from, and whether that consumer has applied the event since (after a redrive, or a later redelivery).
 */
public record DeadLetter(int partition, long offset, Instant deadLetteredAt, String eventId, String type,
        String source, String subject, String key, String consumer, String reason, String originalTopic,
        Integer originalPartition, Long originalOffset, boolean applied, String payload) {
}
