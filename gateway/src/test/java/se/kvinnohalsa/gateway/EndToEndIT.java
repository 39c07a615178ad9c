package se.kvinnohalsa.gateway;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.DemoData;
import se.kvinnohalsa.stack.DevStack;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.Ports;
import se.kvinnohalsa.stack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole system as in production: the three services and the gateway as processes of their own from their
 * Quarkus builds, on the real PostgreSQL and Kafka, loaded with the local stack's demo data through the gateway.
 * Runs after packaging (failsafe), so every service's build is there.
 */
class EndToEndIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final int BENCHMARK_THREADS = 4;
    /** Long enough for the JIT to compile both paths: the first seconds of a fresh JVM run several times slower. */
    private static final Duration BENCHMARK_WARMUP = Duration.ofSeconds(10);
    private static final Duration BENCHMARK_ROUND = Duration.ofSeconds(4);
    private static final int BENCHMARK_ROUNDS = 3;
    private static final Path LOGS = Path.of("target/e2e-logs");

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static Infrastructure infrastructure;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assumeTrue(ServiceProcess.SERVICES.stream().allMatch(s -> Files.exists(ServiceProcess.jar(root, s))),
                "every service is packaged (run ./mvnw verify from the top)");
        if (Files.exists(LOGS)) {
            try (var old = Files.list(LOGS)) {
                for (Path log : old.toList()) {
                    Files.delete(log);
                }
            }
        }
        infrastructure = Infrastructure.shared();
        DevStack.DATABASES.forEach(infrastructure.postgres()::createDatabase);
        ServiceProcess.SERVICES.forEach(s -> ports.put(s, Ports.free()));
        for (String service : ServiceProcess.SERVICES) {
            Map<String, String> env = ServiceProcess.environment(service, ports, infrastructure.postgres(),
                    infrastructure.kafka(), infrastructure.keys());
            // The throughput comparison measures the proxy, not the rate limit.
            env.put("GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
            env.put("GATEWAY_RATE_LIMIT_BURST", "1000000");
            services.add(ServiceProcess.launch(ServiceProcess.jar(root, service), service, ports.get(service), env,
                    LOGS.resolve(service + ".log")));
        }
        for (ServiceProcess service : services) {
            Duration took = service.awaitHealthy(START_TIMEOUT);
            System.out.printf("[e2e] %s UP after %d ms, resident memory %s%n", service.name(), took.toMillis(), service.residentMemory());
        }
        new DemoData(gateway(), infrastructure.tokens()).load();
    }

    @AfterAll
    static void stopTheSystem() {
        ServiceProcess.closeAll(services);
    }

    private static URI gateway() {
        return URI.create("http://localhost:" + ports.get("gateway"));
    }

    private static RequestSpecification at(String service) {
        return given().baseUri("http://localhost").port(ports.get(service));
    }

    private static RequestSpecification as(String service, String role, String region) {
        return at(service).header("Authorization", "Bearer " + infrastructure.tokens().issue(role, region))
                .contentType("application/json");
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
                .put("/api/v1/agreements/2025/regions/01/decision").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .header("X-Request-Id", requestId);
        var events = new KafkaProbe(infrastructure.kafka().bootstrapServers()).read("allocation-events",
                r -> requestId.equals(KafkaProbe.header(r, "request-id")), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, events.size(), "the decision-recorded event carries the request id");
        assertEquals("se.kvinnohalsa.allocation.decision-recorded.v1", KafkaProbe.header(events.get(0), "ce_type"));
        String log = Files.readString(LOGS.resolve("allocation-service.log"));
        assertTrue(log.contains("[req:" + requestId + "]"), "allocation-service logged under the request id");
    }

    /**
     * Not a test of speed (nothing is asserted about it): prints the gateway's share of the direct throughput, and what
     * one request costs in CPU in each process. Client, gateway and service share this machine's cores.
     */
    @Test
    void throughputOfOnePublicGetThroughTheGatewayVersusStraightToTheService() throws Exception {
        URI direct = URI.create("http://localhost:" + ports.get("allocation-service") + "/api/v1/regions");
        URI proxied = gateway().resolve("/api/v1/regions");
        ServiceProcess service = services.get(0);
        ServiceProcess gateway = services.get(services.size() - 1);
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
                        + "through the gateway %.0f req/s: %.1f %% of direct%n", BENCHMARK_THREADS, directRate / BENCHMARK_ROUNDS,
                proxiedRate / BENCHMARK_ROUNDS, 100 * proxiedRate / directRate);
        System.out.printf("[benchmark] CPU per request through the gateway: gateway %.3f ms, allocation-service %.3f ms%n",
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
