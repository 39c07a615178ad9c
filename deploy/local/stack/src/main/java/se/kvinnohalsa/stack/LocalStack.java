package se.kvinnohalsa.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on one machine: PostgreSQL, Kafka, the three services and the gateway, each service as its own
 * process from its Quarkus build; waits for every health check, loads the demo data through the public API, prints
 * {@code READY <gateway-url>} and stays in the foreground until stopped (Ctrl-C or SIGTERM stop every process).
 */
public final class LocalStack {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);
    private static final String SERVICE_HEAP = "-Xmx256m";

    private final StackConfig config;
    private final List<Process> services = new ArrayList<>();
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
        Map<String, Instant> launched = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            launched.put(service.getKey(), Instant.now());
            services.add(launch(service.getKey(), service.getValue()));
        }
        int i = 0;
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            awaitHealthy(service.getKey(), service.getValue(), launched.get(service.getKey()), services.get(i++));
        }
        URI gateway = URI.create("http://localhost:" + config.gatewayPort());
        log("loading demo data through " + gateway);
        Instant demoStarted = Instant.now();
        new DemoData(gateway, new Tokens(infrastructure.keys().privateKey(), LocalKeys.ISSUER)).load();
        log("demo data loaded in " + Duration.between(demoStarted, Instant.now()).toMillis() + " ms");
        int index = 0;
        for (String service : ports.keySet()) {
            log(service + " resident memory after the demo data: " + residentMegabytes(services.get(index++)));
        }
    }

    private Process launch(String service, int port) throws IOException {
        Path jar = config.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " missing: build with ./mvnw package -DskipTests");
        }
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SERVICE_HEAP, "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        config.workDir().resolve("logs").resolve(service + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", infrastructure.keys().publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER);
        String database = service.replace("-service", "");
        if (DevStack.DATABASES.contains(database)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.postgres().jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        }
        env.put("GATEWAY_UPSTREAM_ALLOCATION_URL", "http://localhost:" + config.allocationPort());
        env.put("GATEWAY_UPSTREAM_REPORTING_URL", "http://localhost:" + config.reportingPort());
        env.put("GATEWAY_UPSTREAM_INDICATORS_URL", "http://localhost:" + config.indicatorsPort());
        log("starting " + service + " on port " + port + " (log: " + config.workDir().resolve("logs/" + service + ".log") + ")");
        return builder.start();
    }

    private void awaitHealthy(String service, int port, Instant started, Process process) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = started.plus(HEALTH_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log(service + " UP " + Duration.between(started, Instant.now()).toMillis()
                            + " ms after launch, resident memory " + residentMegabytes(process));
                    return;
                }
                if (!process.isAlive()) {
                    throw new IOException(service + " exited with " + process.exitValue() + ", see its log");
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IOException(service + " not healthy within " + HEALTH_TIMEOUT + ": " + last);
    }

    /** Resident set size of a process, where the OS tells (Linux /proc); for the operator's eye only. */
    private static String residentMegabytes(Process process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
    }

    private void stop() {
        for (Process service : services) {
            service.destroy();
        }
        for (Process service : services) {
            try {
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (infrastructure != null) {
            try {
                infrastructure.close();
            } catch (IOException ignored) {
                // exiting
            }
        }
        log("stopped");
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
