package se.kvinnohalsa.support.deadletter;

import java.util.List;

/** Which dead letters to send back by CloudEvent id; none named: every one the consumer has not applied. */
public record RedriveRequest(List<String> eventIds) {
}
