package se.kvinnohalsa.support.outbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox producer's shared settings: tuned for latency (no linger) without giving up what makes an acknowledged
 * event safe (acks=all, idempotence), and consistent as Kafka requires (else the producer refuses to start).
 */
class OutboxProducerSettingsTest {

    private static final String PREFIX = "mp.messaging.outgoing.outbox.";

    private static Properties shared() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OutboxProducerSettingsTest.class
                .getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void anAcknowledgedEventIsOnEveryInSyncReplica() throws IOException {
        Properties shared = shared();
        assertEquals("all", shared.getProperty(PREFIX + "acks"));
        assertEquals("true", shared.getProperty(PREFIX + "enable.idempotence"));
    }

    @Test
    void eventsAreSentAtOnceNotHeldBackForABatch() throws IOException {
        assertEquals("0", shared().getProperty(PREFIX + "linger.ms"));
    }

    @Test
    void deliveryTimeoutCoversRequestTimeoutAndLinger() throws IOException {
        Properties shared = shared();
        long delivery = Long.parseLong(shared.getProperty(PREFIX + "delivery.timeout.ms"));
        long request = Long.parseLong(shared.getProperty(PREFIX + "request.timeout.ms"));
        long linger = Long.parseLong(shared.getProperty(PREFIX + "linger.ms"));
        assertTrue(delivery >= request + linger, "Kafka refuses delivery.timeout.ms < request.timeout.ms + linger.ms");
    }
}
