package se.kvinnohalsa.support.inbox;

/**
 * Kafka headers of dead letters. SmallRye's dead-letter queue writes the {@code dead-letter-*} ones; the inbox adds
 * which consumer gave up on the event, since several services may share one dead-letter topic.
 */
public final class DeadLetterHeaders {

    /** The consumer (inbox name) that sent the record to the dead-letter topic. */
    public static final String CONSUMER = "dead-letter-consumer";
    /** Written by SmallRye: why, and where the record came from. */
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** On a dead letter sent back to its topic: only this consumer applies it, the others applied the original. */
    public static final String REDRIVEN_FOR = "redriven-for";
    /** On a dead letter sent back to its topic: {@code <dead-letter topic>:<partition>:<offset>} it came from. */
    public static final String REDRIVEN_FROM = "redriven-from";

    private DeadLetterHeaders() {
    }
}
