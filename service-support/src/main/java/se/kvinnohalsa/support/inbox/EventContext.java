package se.kvinnohalsa.support.inbox;

import java.time.Instant;

/** The CloudEvent attributes of an event being applied. */
public record EventContext(String id, String type, String source, String subject, Instant time, String requestId) {
}
