package se.kvinnohalsa.gateway.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.routing.GatewayConfig;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live reader's fetch settings win over consumer settings tuned for throughput (kafka.*). */
class LiveFetchTest {

    private static final GatewayConfig.Events.LiveFetch LATENCY = new GatewayConfig.Events.LiveFetch() {
        @Override
        public int minBytes() {
            return 1;
        }

        @Override
        public Duration maxWait() {
            return Duration.ofMillis(500);
        }
    };

    @Test
    void liveFetchOverridesThroughputSettings() {
        Properties shared = new Properties();
        shared.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
        shared.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65_536);
        shared.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2_000);

        Properties live = EventHub.withLiveFetch(shared, LATENCY);

        assertEquals(1, live.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));
        assertEquals(500, live.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));
        assertEquals("kafka:9092", live.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), "the rest is kept");
        assertEquals(65_536, shared.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), "the catch-up reads' are not changed");
    }
}
