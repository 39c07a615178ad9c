package se.kvinnohalsa.gateway;

import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.PackagedSystem;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system as in production ({@link PackagedSystem}): the three services and the gateway as processes of their
 * own, on the real PostgreSQL and Kafka, with the demo data. Runs after packaging (failsafe).
 */
class EndToEndIT {

    private static final int BENCHMARK_THREADS = 4;
    /** Long enough for the JIT to compile both paths: the first seconds of a fresh JVM run several times slower. */
    private static final Duration BENCHMARK_WARMUP = Duration.ofSeconds(10);
    private static final Duration BENCHMARK_ROUND = Duration.ofSeconds(4);
    private static final int BENCHMARK_ROUNDS = 3;

    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    private static URI gateway() {
        return system.gateway();
    }

    private static RequestSpecification at(String service) {
        return system.at(service);
    }

    private static RequestSpecification as(String service, String role, String region) {
        return system.as(service, role, region);
    }

    @Test
    void theRegionOverviewFromTheRealServices() {
        at("gateway").get("/api/v1/overview/regions/23?year=2025").then().statusCode(200)
                .body("name", equalTo("Jämtland Härjedalen"))
                .body("allocation.available", equalTo(true)).body("allocation.status", equalTo("PUBLISHED"))
                .body("allocation.totalSek", equalTo(24846478))
                .body("decision.recorded", equalTo(true)).body("decision.reference", equalTo("RS/25/2025"))
                .body("conditions.available", equalTo(true))
                .body("report.available", equalTo(true))
                .body("indicators.available", equalTo(true));
    }

    @Test
    void theServicesThemselvesRefuseACrossRegionWrite() {
        String decision = """
                {"reference": "X", "decidedOn": "2025-05-28", "decidedBy": "Someone",
                 "lines": [{"unit": "Område Kvinna", "amountSek": 24846478}]}""";
        // Straight to the services, past the gateway: each refuses on its own.
        as("allocation-service", "reporter", "01").body(decision).put("/api/v1/agreements/2025/regions/23/decision")
                .then().statusCode(403).contentType("application/problem+json");
        as("reporting-service", "reporter", "01").body("{}").put("/api/v1/reports/2025/23")
                .then().statusCode(403).contentType("application/problem+json");
        as("indicators-service", "reporter", "23").contentType("text/csv")
                .body("region_code,period,group,value,numerator,denominator,clinic_min,clinic_max\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations")
                .then().statusCode(403).contentType("application/problem+json");
        // And through the gateway.
        as("gateway", "reporter", "01").body(decision).put("/api/v1/agreements/2025/regions/23/decision")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theRequestIdTravelsFromTheGatewayToTheServicesLogsAndItsEvents() throws Exception {
        long total = at("gateway").get("/api/v1/agreements/2025/allocations").then().statusCode(200)
                .extract().jsonPath().getLong("regions.find { it.regionCode == '01' }.totalSek");
        String requestId = "e2e-" + System.nanoTime();
        as("gateway", "reporter", "01").header("X-Request-Id", requestId).body("""
                {"reference": "RS 2025/77", "decidedOn": "2025-06-02", "decidedBy": "Regionstyrelsen",
                 "lines": [{"unit": "Kvinnosjukvården", "amountSek": %d}]}""".formatted(total))
                .put("/api/v1/agreements/2025/regions/01/decision").then().statusCode(Matchers.oneOf(200, 201))
                .header("X-Request-Id", requestId);
        var events = new KafkaProbe(system.infrastructure().kafka().bootstrapServers()).read("allocation-events",
                r -> requestId.equals(KafkaProbe.header(r, "request-id")), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, events.size(), "the decision-recorded event carries the request id");
        assertEquals("se.kvinnohalsa.allocation.decision-recorded.v1", KafkaProbe.header(events.get(0), "ce_type"));
        String log = Files.readString(system.log("allocation-service"));
        assertTrue(log.contains("[req:" + requestId + "]"), "allocation-service logged under the request id");
    }

    /**
     * Not a test of speed (nothing is asserted about it): prints the gateway's share of the direct throughput, and what
     * one request costs in CPU in each process. Client, gateway and service share this machine's cores.
     */
    @Test
    void throughputOfOnePublicGetThroughTheGatewayVersusStraightToTheService() throws Exception {
        URI direct = URI.create("http://localhost:" + system.port("allocation-service") + "/api/v1/regions");
        URI proxied = gateway().resolve("/api/v1/regions");
        ServiceProcess service = system.service("allocation-service");
        ServiceProcess gateway = system.service("gateway");
        measure(direct, BENCHMARK_WARMUP);
        measure(proxied, BENCHMARK_WARMUP);
        double directRate = 0;
        double proxiedRate = 0;
        long proxiedRequests = 0;
        long serviceCpu = 0;
        long gatewayCpu = 0;
        for (int round = 0; round < BENCHMARK_ROUNDS; round++) {
            directRate += measure(direct, BENCHMARK_ROUND);
            long serviceBefore = service.cpuMillis();
            long gatewayBefore = gateway.cpuMillis();
            double rate = measure(proxied, BENCHMARK_ROUND);
            proxiedRate += rate;
            proxiedRequests += (long) (rate * BENCHMARK_ROUND.toMillis() / 1000);
            serviceCpu += service.cpuMillis() - serviceBefore;
            gatewayCpu += gateway.cpuMillis() - gatewayBefore;
        }
        System.out.printf("[benchmark] GET /api/v1/regions with %d clients: straight to allocation-service %.0f req/s, "
                + "through the gateway %.0f req/s: %.1f %% of direct%n", BENCHMARK_THREADS,
                directRate / BENCHMARK_ROUNDS,
                proxiedRate / BENCHMARK_ROUNDS, 100 * proxiedRate / directRate);
        System.out.printf(
                "[benchmark] CPU per request through the gateway: gateway %.3f ms, allocation-service %.3f ms%n",
                (double) gatewayCpu / proxiedRequests, (double) serviceCpu / proxiedRequests);
        assertTrue(proxiedRate > 0 && directRate > 0);
    }

    private static double measure(URI uri, Duration duration) throws Exception {
        // HTTP/1.1 keep-alive both ways, as dashboards and scripts use it (no h2c upgrade attempts).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(BENCHMARK_THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < BENCHMARK_THREADS; i++) {
            workers.add(threads.submit(() -> {
                while (running.get()) {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }
}
