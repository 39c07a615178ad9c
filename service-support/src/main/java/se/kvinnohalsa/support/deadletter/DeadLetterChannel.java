package se.kvinnohalsa.support.deadletter;

/** An incoming channel of this service with a dead-letter topic. */
public record DeadLetterChannel(String channel, String topic, String deadLetterTopic) {
}
