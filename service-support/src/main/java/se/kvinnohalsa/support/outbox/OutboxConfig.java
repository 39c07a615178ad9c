package se.kvinnohalsa.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The transactional outbox's settings ({@code outbox.*}); every service shares these defaults. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of the service's events. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** The relay looks for unsent events this often even when no commit woke it (e.g. after Kafka was down). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Events relayed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it tries again. */
    @WithDefault("PT30S")
    Duration ackTimeout();

    /** After a failure the relay waits pollInterval, doubling after each further failure up to this. */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** Off only in tests that drive the relay themselves. */
    @WithDefault("true")
    boolean enabled();
}
