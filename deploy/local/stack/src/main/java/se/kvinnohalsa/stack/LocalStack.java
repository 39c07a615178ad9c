package se.kvinnohalsa.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL, Kafka, the three services and the gateway, each service as its own
 * process from its Quarkus build; waits for every health check, loads the demo data through the public API, prints
 * {@code READY <gateway-url>} and stays in the foreground until stopped (Ctrl-C or SIGTERM stop every process).
 */
public final class LocalStack {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

    private final StackConfig config;
    private final List<ServiceProcess> services = new ArrayList<>();
    private DevStack infrastructure;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        boolean fresh = List.of(args).contains("--fresh");
        LocalStack stack = new LocalStack(StackConfig.fromEnvironment(root));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start(fresh);
        } catch (Exception | LinkageError e) {
            System.err.println("FAILED " + e);
            System.exit(1);
        }
        System.out.println("READY http://localhost:" + stack.config.gatewayPort());
        Thread.currentThread().join();
    }

    private void start(boolean fresh) throws Exception {
        Files.createDirectories(config.workDir().resolve("logs"));
        log("starting PostgreSQL and Kafka in " + config.workDir() + (fresh ? " (fresh)" : ""));
        infrastructure = DevStack.start(config, fresh);

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("allocation-service", config.allocationPort());
        ports.put("reporting-service", config.reportingPort());
        ports.put("indicators-service", config.indicatorsPort());
        ports.put("gateway", config.gatewayPort());
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        managementPorts.put("allocation-service", config.allocationManagementPort());
        managementPorts.put("reporting-service", config.reportingManagementPort());
        managementPorts.put("indicators-service", config.indicatorsManagementPort());
        managementPorts.put("gateway", config.gatewayManagementPort());
        for (String service : ServiceProcess.SERVICES) {
            Path log = config.workDir().resolve("logs").resolve(service + ".log");
            log("starting " + service + " on port " + ports.get(service) + ", management port "
                    + managementPorts.get(service) + " (log: " + log + ")");
            // The service's class archive (made at the first start's exit, used by every later start): JvmOptions.
            Path jar = ServiceProcess.jar(config.root(), service);
            services.add(ServiceProcess.launch(JvmOptions.java(),
                    JvmOptions.withArchive(config.workDir().resolve("cds"), service, jar), jar, service,
                    ports.get(service), ServiceProcess.environment(service, ports, managementPorts,
                            infrastructure.postgres(), infrastructure.kafka(), infrastructure.keys()),
                    log));
        }
        for (ServiceProcess service : services) {
            Duration took = service.awaitHealthy(HEALTH_TIMEOUT);
            log(service.name() + " UP " + took.toMillis() + " ms after launch, resident memory "
                    + service.residentMemory());
        }
        URI gateway = URI.create("http://localhost:" + config.gatewayPort());
        log("loading demo data through " + gateway);
        Instant demoStarted = Instant.now();
        new DemoData(gateway, new Tokens(infrastructure.keys().privateKey(), LocalKeys.ISSUER,
                LocalKeys.AUDIENCE)).load();
        log("demo data loaded in " + Duration.between(demoStarted, Instant.now()).toMillis() + " ms");
        for (ServiceProcess service : services) {
            log(service.name() + " resident memory after the demo data: " + service.residentMemory());
        }
    }

    private void stop() {
        DevStack.stop(services, infrastructure);
        log("stopped");
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
