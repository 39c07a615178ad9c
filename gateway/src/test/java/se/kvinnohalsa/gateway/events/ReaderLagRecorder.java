package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For EventStreamBenchmark: the Kafka-to-gateway share of each benchmark report.submitted's latency, from its
 * {@code submittedAt} (the benchmark sets it to the instant it produces the record) to the gateway's reader handing
 * it to its synchronous subscribers, which happens just before the streams get it. Records only while enabled.
 */
@ApplicationScoped
public class ReaderLagRecorder {

    private static final String SUBMITTED = "se.kvinnohalsa.report.submitted.v1";
    /** Jackson, as the gateway reads events: this runs on the reader's thread, before the streams get the event. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> lags = new ArrayList<>();
    private volatile boolean recording;

    void on(@Observes DomainEventReceived event) throws Exception {
        if (!recording || !SUBMITTED.equals(event.type())) {
            return;
        }
        Instant now = Instant.now();
        JsonNode submittedAt = JSON.readTree(event.data()).get("submittedAt");
        if (submittedAt != null && submittedAt.isTextual()) {
            synchronized (lags) {
                lags.add(Duration.between(Instant.parse(submittedAt.textValue()), now));
            }
        }
    }

    /** Starts recording afresh. */
    public void start() {
        synchronized (lags) {
            lags.clear();
        }
        recording = true;
    }

    /** Stops and returns what was recorded, in milliseconds, sorted. */
    public double[] stop() {
        recording = false;
        synchronized (lags) {
            return lags.stream().mapToDouble(lag -> lag.toNanos() / 1e6).sorted().toArray();
        }
    }
}
