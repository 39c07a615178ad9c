package se.kvinnohalsa.support.deadletter;

/** Kafka did not answer in time: the request may be repeated (503 with Retry-After). */
public class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
