package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.stack.Infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark, not a timing assertion: 10,000 concurrent event streams on one gateway (with the production settings
 * for heartbeat, caps and buffer), held by {@link SseLoadClients} in a process of its own, 20 streams per loopback
 * address (the per-client cap). Prints how long opening them took, the gateway's memory per idle stream (heap in use
 * and resident memory outside the heap, after a full GC, against before), the latency from producing a
 * report.submitted to the real broker until each stream has it (p50, p99, max over every stream and event; and the
 * Kafka-to-gateway part of it), the CPU the gateway's event loops and the clients spent on it, and what happens to a
 * client that stops reading (with 160 KB per event in its full view) and to everyone else meanwhile. Asserts only
 * that every stream opened and got every event and that the stalled client was cut off.
 */
@QuarkusTest
@TestProfile(EventStreamBenchmark.ProductionSettings.class)
class EventStreamBenchmark {

    private static final int STREAMS = Integer.getInteger("benchmark.event-streams", 10_000);
    private static final int LIVE_EVENTS = 20;
    private static final int SLOW_PHASE_EVENTS = 40;
    private static final Duration EVENT_SPACING = Duration.ofMillis(100);
    /** Large enough that 40 of them overflow the kernel's socket buffers (up to 4 MB here) and the bound. */
    private static final int COMMENT_BYTES = 160 * 1024;
    private static final int STALLED_RECEIVE_BUFFER = 4096;
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration IDLE_BEFORE_MEASURING = Duration.ofSeconds(3);
    private static final long REPORT_TIMEOUT_SECONDS = 60;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double KB = 1024.0;
    private static final double MB = KB * KB;
    private static final double MICROS_PER_MILLI = 1000.0;
    private static final double NANOS_PER_MICRO = 1e3;
    private static final double NANOS_PER_MILLI = 1e6;

    /** The production defaults of application.properties where the test profile differs, and a shorter grace. */
    public static class ProductionSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.events.heartbeat", "PT15S", "gateway.events.max-streams-per-client", "20",
                    "gateway.events.buffer.max-events", "4096", "gateway.events.slow-client-grace", "PT2S");
        }
    }

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "gateway.events.max-streams-per-client")
    int perClient;

    @Inject
    MeterRegistry metrics;

    /** The gateway's memory after a full GC: the heap in use, and what the process holds outside the heap. */
    private record Memory(long heapUsed, long outsideHeap) {
        static Memory measure() throws InterruptedException, IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long resident = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(kb -> Long.parseLong(kb) * 1024).findFirst().orElse(-1);
            // The resident set is the committed heap plus everything else (direct buffers, stacks, metaspace);
            // the committed heap grows and shrinks with the collector's sizing, so it is taken out.
            return new Memory(heap.getUsed(), resident - heap.getCommitted());
        }
    }

    /** The client process and its output lines. */
    private static final class Clients implements AutoCloseable {
        private final Process process;
        private final OutputStream commands;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Clients(int streams, int perAddress, int port) throws IOException {
            Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-cp", testClasses.toString(), SseLoadClients.class.getName(),
                    "127.0.0.1", Integer.toString(port), Integer.toString(streams), Integer.toString(perAddress))
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            Path.of("target", "event-stream-benchmark-clients.log").toFile()))
                    .start();
            commands = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            }, "benchmark-clients-output");
            reader.setDaemon(true);
            reader.start();
        }

        String await(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                assertTrue(process.isAlive() || !lines.isEmpty(), "the client process ended early");
            }
            throw new AssertionError("the clients did not answer " + prefix + " within " + timeout);
        }

        Map<String, String> report(String phase, int events) throws IOException, InterruptedException {
            command("REPORT " + phase + " " + events + " " + REPORT_TIMEOUT_SECONDS);
            return fields(await("STATS", Duration.ofSeconds(REPORT_TIMEOUT_SECONDS + 30)));
        }

        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        void command(String command) throws IOException {
            commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        }

        @Override
        public void close() throws Exception {
            try {
                command("QUIT");
            } catch (IOException gone) {
                // already ended
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String word : line.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return fields;
    }

    private static double millis(Map<String, String> stats, String field) {
        return Long.parseLong(stats.get(field)) / MICROS_PER_MILLI;
    }

    private static double percentile(HistogramSnapshot snapshot, double percentile) {
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    /** CPU time of the gateway's Vert.x event loops, which write to the streams. */
    private static long eventLoopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("vert.x-eventloop-thread-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private double slowClientsCut() {
        var counter = metrics.find("gateway.events.slow-clients").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> admin(String subject) {
        return Map.of("Authorization",
                "Bearer " + Infrastructure.shared().tokens().issue(subject, "admin", null, Duration.ofMinutes(30)));
    }

    @Test
    void tenThousandStreamsOnOneGateway() throws Exception {
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            try (SseClient warmUp = SseClient.open(events, Map.of())) {
                warmUp.nextEvent(m -> "ready".equals(m.event()), WAIT);
                kafkaEvents.send(submitted(), "warm-up", Instant.now());
                warmUp.nextEvent(m -> m.data().contains("warm-up"), WAIT); // the gateway reads the topic
            }
            Memory before = Memory.measure();
            long opening = System.nanoTime();
            try (Clients clients = new Clients(STREAMS, perClient, events.getPort())) {
                Map<String, String> opened = fields(clients.await("READY", OPEN_TIMEOUT));
                long openMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening);
                Thread.sleep(IDLE_BEFORE_MEASURING.toMillis());
                Memory idle = Memory.measure();
                int streams = Integer.parseInt(opened.get("ok"));
                System.out.printf("[measure] event stream: %d streams opened (%s refused or failed) in %d ms by a "
                        + "client process of their own, %d per loopback address%n", streams, opened.get("failed"),
                        openMillis, perClient);
                double heapPerStream = (idle.heapUsed() - before.heapUsed()) / KB / streams;
                double outsidePerStream = (idle.outsideHeap() - before.outsideHeap()) / KB / streams;
                System.out.printf("[measure] event stream: gateway memory per idle stream: %.1f KB = %.0f bytes "
                        + "(heap in use %.1f KB, resident outside the heap %.1f KB; +%.1f MB and +%.1f MB for %d "
                        + "streams)%n", heapPerStream + outsidePerStream, (heapPerStream + outsidePerStream) * KB,
                        heapPerStream, outsidePerStream,
                        (idle.heapUsed() - before.heapUsed()) / MB, (idle.outsideHeap() - before.outsideHeap()) / MB,
                        streams);
                assertEquals(STREAMS, streams, "every stream opened");

                long cpuBefore = eventLoopCpuNanos();
                long clientCpuBefore = clients.cpuNanos();
                for (int i = 0; i < LIVE_EVENTS; i++) {
                    kafkaEvents.sendAsync(submitted(), "bench-live-" + i, Instant.now());
                    Thread.sleep(EVENT_SPACING.toMillis());
                }
                Map<String, String> live = clients.report("bench-live", LIVE_EVENTS);
                long cpu = eventLoopCpuNanos() - cpuBefore;
                System.out.printf("[measure] event stream: report.submitted from produce to client, %d streams x %d "
                        + "events: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%s of %s delivered)%n", streams,
                        LIVE_EVENTS, millis(live, "p50"), millis(live, "p99"), millis(live, "max"),
                        live.get("received"), live.get("expected"));
                var lag = metrics.find("gateway.events.read-lag").timer().takeSnapshot();
                System.out.printf("[measure] event stream: of which Kafka to the gateway's reader (all events so "
                        + "far): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(lag, 0.5),
                        percentile(lag, 0.99), lag.max(TimeUnit.MILLISECONDS));
                long clientCpu = clients.cpuNanos() - clientCpuBefore;
                System.out.printf("[measure] event stream: CPU for the %d events: gateway event loops %.0f ms (%.1f "
                        + "us per stream and event), client process %.0f ms; load average meanwhile %s on %d cores%n",
                        LIVE_EVENTS, cpu / NANOS_PER_MILLI, cpu / NANOS_PER_MICRO / streams / LIVE_EVENTS,
                        clientCpu / NANOS_PER_MILLI, loadAverage(), Runtime.getRuntime().availableProcessors());
                assertEquals(live.get("expected"), live.get("received"), "every stream got every event");

                slowClientPhase(kafkaEvents, clients, streams);
            }
        }
    }

    /** One admin stops reading while events with 160 KB in their full view come; everyone else goes on. */
    private void slowClientPhase(TestEvents kafkaEvents, Clients clients, int streams) throws Exception {
        String comment = "x".repeat(COMMENT_BYTES);
        double cutBefore = slowClientsCut();
        try (SseClient stalled = SseClient.open(events, admin("bench-stalled-admin"), null, STALLED_RECEIVE_BUFFER,
                false); SseClient fast = SseClient.open(events, admin("bench-fast-admin"))) {
            assertEquals(200, stalled.status());
            fast.nextEvent(m -> "ready".equals(m.event()), WAIT);
            long started = System.nanoTime();
            long cutAfter = -1;
            for (int i = 0; i < SLOW_PHASE_EVENTS; i++) {
                kafkaEvents.sendAsync(new ReportReviewedV1(2025, "23", "RETURN", "RETURNED", comment, Instant.now(),
                        "granskare", true), "bench-slow-" + i, Instant.now());
                Thread.sleep(EVENT_SPACING.toMillis());
                if (cutAfter < 0 && slowClientsCut() > cutBefore) {
                    cutAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            }
            Map<String, String> others = clients.report("bench-slow", SLOW_PHASE_EVENTS);
            int fullToFast = 0;
            for (int i = 0; i < SLOW_PHASE_EVENTS; i++) {
                String id = "bench-slow-" + i;
                JsonPath full = new JsonPath(fast.nextEvent(m -> m.data().contains(id), WAIT).data());
                fullToFast += full.getString("data.comment").length() == COMMENT_BYTES ? 1 : 0;
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (slowClientsCut() <= cutBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (cutAfter < 0) {
                cutAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            boolean cut = slowClientsCut() > cutBefore;
            stalled.startReading();
            boolean closed = stalled.awaitEnd(WAIT);
            System.out.printf("[measure] event stream: a client that stopped reading (4 KB receive buffer, 160 KB per "
                    + "event in its view) was %s %d ms into the burst, its connection %s; a fast admin got %d of %d "
                    + "events in full; the %d others meanwhile: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%s of %s "
                    + "delivered)%n", cut ? "cut off" : "NOT cut off", cutAfter, closed ? "closed" : "still open",
                    fullToFast, SLOW_PHASE_EVENTS, streams, millis(others, "p50"), millis(others, "p99"),
                    millis(others, "max"), others.get("received"), others.get("expected"));
            assertTrue(cut, "the stalled client was cut off");
            assertTrue(closed && !stalled.endedCleanly(), "its connection was closed");
            assertEquals(SLOW_PHASE_EVENTS, fullToFast);
            assertEquals(others.get("expected"), others.get("received"), "the others got every event");
            assertFalse(others.get("complete").equals("0"));
        }
    }

    private static ReportSubmittedV1 submitted() {
        return new ReportSubmittedV1(2025, "23", Instant.now(), false, 24_000_000L, true, null, true);
    }
}
