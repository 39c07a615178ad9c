package se.kvinnohalsa.support.deadletter;

import java.util.List;

/** What sits on one dead-letter topic for this service's consumer: how many records, and the newest of them. */
public record DeadLetterListing(String topic, String consumer, int total, int pending, List<DeadLetter> records) {
}
