package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform as a process of its own, from its Quarkus build ({@code target/quarkus-app}), configured
 * by environment variables as in production. Used by the local stack and by the end-to-end tests.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final List<String> SERVICES = List.of("allocation-service", "reporting-service", "indicators-service",
            "gateway");
    private static final String MANAGEMENT_PORT = "QUARKUS_MANAGEMENT_PORT";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A JVM that writes its class archive at exit needs longer to stop (tens of MB, on a busy machine). */
    private static final Duration ARCHIVING_STOP_GRACE = Duration.ofSeconds(180);
    private static final List<String> ARCHIVING_OPTIONS = List.of("-XX:ArchiveClassesAtExit", "-XX:AOTCacheOutput");
    private static final long HEALTH_POLL_MS = 500;
    /** USER_HZ of Linux' /proc/<pid>/stat: 100 on every common platform. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Instant launched;
    /** The class archive this process writes when it exits, or null. */
    private final Path archiving;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path archiving) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.launched = Instant.now();
        this.archiving = archiving;
    }

    public static Path jar(Path root, String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The settings of one service: its API and management ports, its own database (the gateway has none), Kafka, the
     * key and audience that verify tokens, and where the gateway finds the services (API and management interface).
     */
    public static Map<String, String> environment(String service, Map<String, Integer> ports,
            Map<String, Integer> managementPorts, PostgresServer postgres, KafkaBroker kafka, LocalKeys keys) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put(MANAGEMENT_PORT, Integer.toString(managementPorts.get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", LocalKeys.AUDIENCE);
        String database = service.replace("-service", "");
        if (DevStack.DATABASES.contains(database)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        }
        env.put("GATEWAY_UPSTREAM_ALLOCATION_URL", "http://localhost:" + ports.get("allocation-service"));
        env.put("GATEWAY_UPSTREAM_REPORTING_URL", "http://localhost:" + ports.get("reporting-service"));
        env.put("GATEWAY_UPSTREAM_INDICATORS_URL", "http://localhost:" + ports.get("indicators-service"));
        env.put("GATEWAY_UPSTREAM_ALLOCATION_MANAGEMENT_URL",
                "http://localhost:" + managementPorts.get("allocation-service"));
        env.put("GATEWAY_UPSTREAM_REPORTING_MANAGEMENT_URL",
                "http://localhost:" + managementPorts.get("reporting-service"));
        env.put("GATEWAY_UPSTREAM_INDICATORS_MANAGEMENT_URL",
                "http://localhost:" + managementPorts.get("indicators-service"));
        return env;
    }

    /** Starts the service; its output goes to {@code log}. Its management port is {@code env}'s, else {@code port}. */
    public static ServiceProcess launch(Path jar, String name, int port, Map<String, String> env, Path log)
            throws IOException {
        return launch(JvmOptions.java(), JvmOptions.SERVICE, jar, name, port,
                env, log);
    }

    /** Starts the service with the given {@code java} and JVM options (the local stack adds its class archive). */
    public static ServiceProcess launch(String java, List<String> jvmOptions, Path jar, String name, int port,
            Map<String, String> env, Path log) throws IOException {
        if (!Files.exists(jar)) {
            throw new IOException(jar + " missing: build with ./mvnw package -DskipTests");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        int managementPort = env.containsKey(MANAGEMENT_PORT) ? Integer.parseInt(env.get(MANAGEMENT_PORT)) : port;
        Path archive = jvmOptions.stream().filter(o -> ARCHIVING_OPTIONS.stream().anyMatch(o::startsWith))
                .map(o -> Path.of(o.substring(o.indexOf('=') + 1))).findFirst().orElse(null);
        return new ServiceProcess(name, port, managementPort, builder.start(), archive);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public int managementPort() {
        return managementPort;
    }

    /** Health, metrics and (the services') OpenAPI: the management interface, not the API port. */
    public URI managementUri() {
        return URI.create("http://localhost:" + managementPort);
    }

    /** Waits until /q/health (on the management port) answers UP; returns the time since launch. */
    public Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(managementUri().resolve("/q/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = launched.plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ", see its log");
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.between(launched, Instant.now());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(HEALTH_POLL_MS);
        }
        throw new IOException(name + " not healthy within " + timeout + ": " + last);
    }

    /** Resident set size, where the OS tells (Linux /proc); for the operator's eye only. */
    public String residentMemory() {
        long kilobytes = residentKilobytes();
        return kilobytes < 0 ? "unknown" : kilobytes / 1024 + " MB";
    }

    /** Resident set size in kB (Linux /proc); -1 where the OS does not tell. */
    public long residentKilobytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * CPU time the process has used so far (user + system), where the OS tells (Linux /proc); -1 elsewhere. For
     * benchmarks that print what a request costs each process.
     */
    public long cpuMillis() {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the service to stop (SIGTERM); kills it if it has not within the grace period (longer while it writes its
     * class archive).
     */
    @Override
    public void close() {
        process.destroy();
        try {
            Duration grace = archiving == null ? STOP_GRACE : ARCHIVING_STOP_GRACE;
            if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                if (archiving != null) {
                    // Killed while writing it: a partial archive must not be mapped by the next start.
                    Files.deleteIfExists(archiving);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops several at once: every one gets its SIGTERM before waiting for any. */
    public static void closeAll(List<ServiceProcess> services) {
        services.forEach(s -> s.process.destroy());
        services.forEach(ServiceProcess::close);
    }
}
