package se.kvinnohalsa.gateway.system;

import io.restassured.specification.RequestSpecification;
import se.kvinnohalsa.stack.DemoData;
import se.kvinnohalsa.stack.DevStack;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.Ports;
import se.kvinnohalsa.stack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole system as in production, for the integration tests (failsafe, after packaging): the three services and
 * the gateway as processes of their own from their Quarkus builds, on the real PostgreSQL and Kafka, loaded with the
 * local stack's demo data through the gateway. Started once per test JVM by the first test that asks for it and
 * stopped when the JVM exits, so every *IT class shares one running system.
 */
public final class PackagedSystem {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Path LOGS = Path.of("target/e2e-logs");
    private static PackagedSystem running;

    private final Infrastructure infrastructure;
    private Path root;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private PackagedSystem(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** The running system; skips the calling test when the services are not packaged (a module-only build). */
    public static synchronized PackagedSystem get() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assumeTrue(ServiceProcess.SERVICES.stream().allMatch(s -> Files.exists(ServiceProcess.jar(root, s))),
                "every service is packaged (run ./mvnw verify from the top)");
        if (running == null) {
            PackagedSystem system = new PackagedSystem(Infrastructure.shared());
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "packaged-system-stop"));
            try {
                system.start(root);
            } catch (IOException e) {
                system.stop();
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                system.stop();
                throw new IllegalStateException(e);
            }
            running = system;
        }
        return running;
    }

    private void start(Path root) throws IOException, InterruptedException {
        if (Files.exists(LOGS)) {
            try (var old = Files.list(LOGS)) {
                for (Path log : old.toList()) {
                    Files.delete(log);
                }
            }
        }
        this.root = root;
        DevStack.DATABASES.forEach(infrastructure.postgres()::createDatabase);
        ServiceProcess.SERVICES.forEach(s -> ports.put(s, Ports.free()));
        ServiceProcess.SERVICES.forEach(s -> managementPorts.put(s, Ports.free()));
        for (String service : ServiceProcess.SERVICES) {
            services.put(service, launch(service));
        }
        for (ServiceProcess service : services.values()) {
            Duration took = service.awaitHealthy(START_TIMEOUT);
            System.out.printf("[e2e] %s UP after %d ms, resident memory %s%n", service.name(), took.toMillis(),
                    service.residentMemory());
        }
        new DemoData(gateway(), infrastructure.tokens()).load();
    }

    private ServiceProcess launch(String service) throws IOException {
        Map<String, String> env = ServiceProcess.environment(service, ports, managementPorts, infrastructure.postgres(),
                infrastructure.kafka(), infrastructure.keys());
        // Tests and benchmarks measure the platform, not the rate limit.
        env.put("GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
        env.put("GATEWAY_RATE_LIMIT_BURST", "1000000");
        return ServiceProcess.launch(ServiceProcess.jar(root, service), service, ports.get(service), env,
                log(service));
    }

    /**
     * Stops one process, runs {@code whileDown}, and starts it again on its port: e.g. the gateway, so that every open
     * connection to it drops as in a deployment. Returns once it is healthy again.
     */
    public synchronized Duration restart(String service, Runnable whileDown) throws IOException, InterruptedException {
        services.get(service).close();
        whileDown.run();
        ServiceProcess again = launch(service);
        services.put(service, again);
        return again.awaitHealthy(START_TIMEOUT);
    }

    private synchronized void stop() {
        ServiceProcess.closeAll(new ArrayList<>(services.values()));
        services.clear();
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** allocation-service, reporting-service, indicators-service or gateway. */
    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public int port(String service) {
        return ports.get(service);
    }

    /** Health, metrics and the services' OpenAPI documents: the management interface of each process. */
    public int managementPort(String service) {
        return managementPorts.get(service);
    }

    public URI gateway() {
        return URI.create("http://localhost:" + port("gateway"));
    }

    /** Where a service's process writes its log. */
    public Path log(String service) {
        return LOGS.resolve(service + ".log");
    }

    /** A request to a service (or the gateway) without a token. */
    public RequestSpecification at(String service) {
        return given().baseUri("http://localhost").port(port(service));
    }

    /** A JSON request to a service (or the gateway) with a token of the role (and region, for reporters). */
    public RequestSpecification as(String service, String role, String region) {
        return at(service).header("Authorization", "Bearer " + infrastructure.tokens().issue(role, region))
                .contentType("application/json");
    }
}
