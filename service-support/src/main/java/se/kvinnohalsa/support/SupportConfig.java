package se.kvinnohalsa.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the shared reliability features ({@code support.*}): retrying consumers, dead letters, idempotency keys
 * and retention. Every service shares these defaults; the outbox's own settings stay in
 * {@link se.kvinnohalsa.support.outbox.OutboxConfig}.
 */
@ConfigMapping(prefix = "support")
public interface SupportConfig {

    Inbox inbox();

    DeadLetters deadLetters();

    Idempotency idempotency();

    Retention retention();

    interface Inbox {
        /** First wait after a transient failure (database connection lost, serialization failure, lock timeout). */
        @WithDefault("PT0.1S")
        Duration initialBackoff();

        /** The wait doubles up to this; a consumer retries for as long as the failure lasts. */
        @WithDefault("PT5S")
        Duration maxBackoff();
    }

    interface DeadLetters {
        /** The name this service's consumers give the inbox ({@code inbox.process(consumer, ...)}). */
        @WithDefault("${quarkus.application.name}")
        String consumer();

        /** How long a listing may take to read a dead-letter topic to its end. */
        @WithDefault("PT15S")
        Duration readTimeout();

        /** At most this many records in one listing (the newest). */
        @WithDefault("500")
        int maxListed();
    }

    interface Idempotency {
        /** How long a key and its answer are kept (the IETF draft asks for at least 24 hours). */
        @WithDefault("PT24H")
        Duration keep();

        /**
         * A key whose request has been in flight this long is taken to be abandoned (its process died) and may be used
         * again. Longer than the longest request (an import's transaction may take 300 s).
         */
        @WithDefault("PT10M")
        Duration inFlightLease();

        /** Longest key accepted. */
        @WithDefault("255")
        int maxKeyLength();
    }

    interface Retention {
        /** Off only in tests that drive retention themselves. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Sent outbox events younger than this are kept, so that {@code /admin/outbox/replay} can publish them again.
         */
        @WithDefault("P30D")
        Duration outboxSent();

        /**
         * Applied event ids younger than this are kept for de-duplication. Keep it longer than any redelivery can be
         * late: the topics' retention (30 days) and the replay horizon of the producing services (outbox-sent).
         */
        @WithDefault("P35D")
        Duration processedEvents();

        /** Rows deleted per transaction, so that a large backlog never locks the tables for long. */
        @WithDefault("500")
        int batchSize();

        /** How often retention runs (also its first delay after start); read by the scheduler. */
        Duration interval();
    }
}
