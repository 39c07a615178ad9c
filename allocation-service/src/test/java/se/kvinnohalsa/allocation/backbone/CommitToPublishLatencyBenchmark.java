package se.kvinnohalsa.allocation.backbone;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.allocation.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a timing assertion: how long from a change's HTTP answer (the commit is just before it) until its
 * event reaches a Kafka consumer. Prints p50 and p99; asserts only that every event arrived.
 */
@QuarkusTest
class CommitToPublishLatencyBenchmark {

    private static final int YEAR = 2029;
    private static final int CHANGES = 200;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void commitToPublishLatency() throws Exception {
        Api.admin().body(Api.agreement(YEAR, 100, 60, 40, "2030-03-31")).post("/api/v1/agreements").then()
                .statusCode(201);
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 60}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/amounts").then().statusCode(200);
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 40}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/RURAL/amounts").then().statusCode(200);
        Api.admin().post("/api/v1/agreements/" + YEAR + "/allocations/publish").then().statusCode(201);

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG,
                "latency-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // Answer fetches at once, so that the measure is the publishing, not the consumer waiting for more data.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("allocation-events"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Thread reader = new Thread(() -> {
            while (running.get()) {
                consumer.poll(Duration.ofMillis(20)).forEach(r -> {
                    String reference = JsonPath.from(r.value()).getString("reference");
                    if (reference != null) {
                        arrived.putIfAbsent(reference, System.nanoTime());
                    }
                });
            }
            consumer.close();
        });
        reader.start();

        Map<String, Long> answered = new ConcurrentHashMap<>();
        for (int i = 0; i < CHANGES; i++) {
            String reference = "LATENCY-" + i;
            Api.as("reporter", "23").body("""
                    {"reference": "%s", "decidedOn": "2030-01-15", "decidedBy": "Regiondirektör",
                     "lines": [{"unit": "Område Kvinna", "amountSek": 100}]}""".formatted(reference))
                    .put("/api/v1/agreements/" + YEAR + "/regions/23/decision").then()
                    .statusCode(Matchers.oneOf(200, 201));
            answered.put(reference, System.nanoTime());
            Thread.sleep(10);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (arrived.size() < CHANGES && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        reader.join();
        assertEquals(CHANGES, arrived.size(), "every event arrived");

        List<Double> millis = new ArrayList<>();
        answered.forEach((reference, at) -> millis.add(Math.max(0, arrived.get(reference) - at) / 1_000_000.0));
        Collections.sort(millis);
        System.out.printf(
                "[measure] commit-to-publish latency over %d changes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                CHANGES, millis.get(CHANGES / 2), millis.get((int) Math.ceil(CHANGES * 0.99) - 1),
                millis.get(CHANGES - 1));
    }
}
