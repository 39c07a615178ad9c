package se.kvinnohalsa.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import se.kvinnohalsa.stack.ClassDataArchive;
import se.kvinnohalsa.stack.DevStack;
import se.kvinnohalsa.stack.Ports;
import se.kvinnohalsa.stack.ServiceProcess;
import se.kvinnohalsa.stack.StackConfig;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each start-up lever gives (issue 17, item 4): every service launched alone, again and again, under each set of
 * JVM options (class-data sharing, the JDK 25 AOT cache, tiered compilation, collector, heap and stack sizes), timed
 * from launch to its first answered request, with the process's CPU time to that answer (steadier than wall time on a
 * shared machine), its resident memory then and the load average beside each figure; the median of
 * {@code STARTUP_REPEATS} launches. With {@code STARTUP_THROUGHPUT_SECONDS} > 0 also wrk's requests/s on the same
 * request after start (what C1-only compilation costs). Started by {@code deploy/local/bench.sh levers}; its
 * PostgreSQL, Kafka and logs are in target/bench/levers ({@code STARTUP_WORK} names another folder there).
 */
public final class StartupLevers {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final long FIRST_ANSWER_POLL_MS = 10;
    private static final int SERVER_ERROR = 500;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double KILOBYTES_PER_MEGABYTE = 1024;
    private static final String BASE_HEAP = "-Xmx256m";
    private static final String SERIAL = "-XX:+UseSerialGC";
    static final Map<String, String> FIRST_REQUEST = Map.of("allocation-service", "/api/v1/regions",
            "reporting-service", "/api/v1/reports/2024/summary", "indicators-service", "/api/v1/indicators", "gateway",
            "/api/v1/regions");

    /** How a lever keeps what a run loaded: not at all, a dynamic CDS archive, the JDK 25 AOT cache. */
    enum Training {
        NONE, CDS, AOT_CACHE
    }

    /**
     * One set of JVM options to compare.
     *
     * @param java the JDK's home ({@code null}: the one running this)
     * @param env settings of the service that the lever changes (what a start-up task costs)
     */
    record Lever(String name, String java, List<String> options, Training training, String what,
            Map<String, String> env) {

        Lever(String name, String java, List<String> options, Training training, String what) {
            this(name, java, options, training, what, Map.of());
        }
    }

    /** One launch: wall seconds and CPU seconds to the first answer, resident MB then, 1-minute load at launch. */
    record Launch(double seconds, double cpuSeconds, double residentMegabytes, double load) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Path out;
    private final int repeats;
    private final int throughputSeconds;
    private final String jdk25;
    private DevStack infrastructure;
    private ServiceProcess upstream;
    private final List<ServiceProcess> running = new ArrayList<>();

    private StartupLevers(Path out, int repeats, int throughputSeconds, String jdk25) {
        this.out = out;
        this.repeats = repeats;
        this.throughputSeconds = throughputSeconds;
        this.jdk25 = jdk25;
    }

    static List<Lever> levers(String jdk25) {
        List<Lever> all = new ArrayList<>(List.of(
                new Lever("baseline", null, List.of(BASE_HEAP, SERIAL), Training.NONE,
                        "before: -Xmx256m -XX:+UseSerialGC"),
                new Lever("g1", null, List.of(BASE_HEAP), Training.NONE, "the JDK's default collector (G1)"),
                new Lever("xshare-off", null, List.of(BASE_HEAP, SERIAL, "-Xshare:off"), Training.NONE,
                        "without the JDK's own class archive"),
                new Lever("appcds", null, List.of(BASE_HEAP, SERIAL), Training.CDS,
                        "dynamic AppCDS archive of a previous run"),
                new Lever("c1", null, List.of(BASE_HEAP, SERIAL, "-XX:TieredStopAtLevel=1"), Training.NONE,
                        "C1 only"),
                new Lever("xms", null, List.of(BASE_HEAP, "-Xms32m", SERIAL), Training.NONE,
                        "-Xms32m: a small initial heap (else 1/64 of the machine's memory, here all of -Xmx)"),
                new Lever("heap128", null, List.of("-Xmx128m", "-Xms32m", SERIAL), Training.NONE,
                        "-Xmx128m -Xms32m"),
                new Lever("xss", null, List.of(BASE_HEAP, SERIAL, "-Xss512k"), Training.NONE, "-Xss512k"),
                new Lever("codecache-metaspace", null, List.of(BASE_HEAP, SERIAL, "-XX:ReservedCodeCacheSize=64m",
                        "-XX:MaxMetaspaceSize=160m"), Training.NONE, "ReservedCodeCacheSize=64m, MaxMetaspaceSize"),
                new Lever("appcds+c1", null, List.of(BASE_HEAP, SERIAL, "-XX:TieredStopAtLevel=1"), Training.CDS,
                        "AppCDS and C1 only"),
                new Lever("appcds+xms", null, List.of(BASE_HEAP, "-Xms32m", SERIAL), Training.CDS,
                        "AppCDS and -Xms32m")));
        // What two start-up tasks cost, to see what lazier initialisation could give (not switched off for real: the
        // schema must be migrated before the first request, and tracing is wanted in Kubernetes).
        all.add(new Lever("no-otel", null, List.of(BASE_HEAP, SERIAL), Training.NONE,
                "OpenTelemetry SDK off (quarkus.otel.sdk.disabled)", Map.of("QUARKUS_OTEL_SDK_DISABLED", "true")));
        all.add(new Lever("no-flyway", null, List.of(BASE_HEAP, SERIAL), Training.NONE,
                "no Flyway check at start (quarkus.flyway.migrate-at-start=false)",
                Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")));
        if (jdk25 != null) {
            all.add(new Lever("jdk25", jdk25, List.of(BASE_HEAP, SERIAL), Training.NONE, "JDK 25, no cache"));
            all.add(new Lever("jdk25-aot", jdk25, List.of(BASE_HEAP, SERIAL), Training.AOT_CACHE,
                    "JDK 25 AOT cache (JEP 483/514) of a previous run"));
            all.add(new Lever("jdk25-aot+xms", jdk25, List.of(BASE_HEAP, "-Xms32m", SERIAL), Training.AOT_CACHE,
                    "JDK 25 AOT cache and -Xms32m"));
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String jdk25 = env("STARTUP_JDK25", "");
        StartupLevers bench = new StartupLevers(root.resolve("target/bench"),
                Integer.parseInt(env("STARTUP_REPEATS", "3")),
                Integer.parseInt(env("STARTUP_THROUGHPUT_SECONDS", "0")),
                jdk25.isBlank() || !Files.isExecutable(Path.of(jdk25, "bin", "java")) ? null : jdk25);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "levers-shutdown"));
        try {
            bench.run(root, env("STARTUP_LEVERS", "all"), env("STARTUP_SERVICES", "all"));
        } catch (Exception | LinkageError e) {
            System.err.println("LEVERS FAILED " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(Path root, String leverNames, String serviceNames) throws Exception {
        Instant started = Instant.now();
        // STARTUP_WORK names another folder, so that two runs (e.g. of different levers) can go side by side.
        Path work = out.resolve(env("STARTUP_WORK", "levers"));
        StackConfig config = new StackConfig(root, work, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        log("starting PostgreSQL and Kafka in " + work + " (fresh)");
        infrastructure = DevStack.start(config, true);
        // In the order asked for, so that the most telling come first on a busy machine.
        List<Lever> known = levers(jdk25);
        List<Lever> levers = leverNames.equals("all")
                ? known
                : Arrays.stream(leverNames.split(",")).map(String::trim)
                        .flatMap(n -> known.stream().filter(l -> l.name().equals(n))).toList();
        List<String> services = ServiceProcess.SERVICES.stream()
                .filter(s -> serviceNames.equals("all") || Arrays.asList(serviceNames.split(",")).contains(s))
                .toList();
        // Each service's first start migrates its empty database: done once here, not counted.
        for (String service : ServiceProcess.SERVICES) {
            if (!service.equals("gateway")) {
                try (ServiceProcess first = launch(root, service, levers.get(0), List.of())) {
                    first.awaitHealthy(START_TIMEOUT);
                }
            }
        }
        // The gateway's first request is proxied: allocation-service stays up for it (idle otherwise).
        upstream = launch(root, "allocation-service", levers.get(0), List.of());
        upstream.awaitHealthy(START_TIMEOUT);

        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-20s %-19s %9s %9s %8s %16s %10s%n", "lever", "service", "wall s", "cpu s", "RSS MB",
                "load (1 min)", "req/s (service cpu per request)"));
        for (Lever lever : levers) {
            for (String service : services) {
                Path archiveDir = work.resolve("archives").resolve(lever.name());
                List<String> archive = List.of();
                if (lever.training() != Training.NONE) {
                    ClassDataArchive made = archiveFor(root, archiveDir, service, lever);
                    // A training run: started, asked its first request, stopped; the archive is written at exit.
                    try (ServiceProcess training = launch(root, service, lever, made.jvmOptions())) {
                        firstAnswer(training);
                        training.awaitHealthy(START_TIMEOUT);
                    }
                    if (!made.exists()) {
                        log(lever.name() + " " + service + ": no archive written, measured without");
                    }
                    archive = made.jvmOptions();
                }
                List<Launch> launches = new ArrayList<>();
                double requestsPerSecond = Double.NaN;
                double[] cpuPerRequest = {Double.NaN};
                for (int i = 0; i < repeats; i++) {
                    double load = loadAverage();
                    long begin = System.nanoTime();
                    try (ServiceProcess service1 = launch(root, service, lever, archive)) {
                        double seconds = firstAnswer(service1) - begin;
                        launches.add(new Launch(seconds / NANOS_PER_SECOND, service1.cpuMillis() / 1000.0,
                                service1.residentKilobytes() / KILOBYTES_PER_MEGABYTE, load));
                        if (i == repeats - 1 && throughputSeconds > 0) {
                            requestsPerSecond = throughput(service1, cpuPerRequest);
                        }
                    }
                }
                Launch median = median(launches);
                String loads = launches.stream().map(l -> String.format(Locale.ROOT, "%.1f", l.load()))
                        .reduce((a, b) -> a + "/" + b).orElse("");
                String row = String.format(Locale.ROOT, "%-20s %-19s %9.2f %9.2f %8.0f %16s %10s%n", lever.name(),
                        service, median.seconds(), median.cpuSeconds(), median.residentMegabytes(), loads,
                        Double.isNaN(requestsPerSecond)
                                ? "-"
                                : String.format(Locale.ROOT, "%.0f (%.0f us cpu)", requestsPerSecond,
                                        cpuPerRequest[0]));
                table.append(row);
                log(row.strip());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("lever", lever.name());
                figures.put("what", lever.what());
                figures.put("service", service);
                figures.put("options", lever.options());
                figures.put("env", lever.env());
                figures.put("archive", archive);
                figures.put("medianSeconds", median.seconds());
                figures.put("medianCpuSeconds", median.cpuSeconds());
                figures.put("medianResidentMegabytes", median.residentMegabytes());
                figures.put("launches", launches);
                figures.put("requestsPerSecond", Double.isNaN(requestsPerSecond) ? null : requestsPerSecond);
                figures.put("cpuMicrosPerRequest", Double.isNaN(cpuPerRequest[0]) ? null : cpuPerRequest[0]);
                results.put(lever.name() + " " + service, figures);
            }
        }
        System.out.println();
        System.out.println("STARTUP LEVERS " + started + " (" + Duration.between(started, Instant.now()).toSeconds()
                + " s; median of " + repeats + " launches each; wall and CPU time from launch to the first answered "
                + "request, resident memory then; load average at each launch)");
        System.out.print(table);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path file = out.resolve("levers-" + stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                Map.of("started", started.toString(), "repeats", repeats, "results", results.values()));
        Files.writeString(out.resolve("levers-" + stamp + ".txt"), table);
        System.out.println("written " + file);
    }

    private ClassDataArchive archiveFor(Path root, Path dir, String service, Lever lever) {
        ClassDataArchive.Kind kind = lever.training() == Training.AOT_CACHE
                ? ClassDataArchive.Kind.AOT_CACHE
                : ClassDataArchive.Kind.CDS;
        int feature = lever.java() == null ? Runtime.version().feature() : javaFeature(lever.java());
        return ClassDataArchive.of(dir, service, ServiceProcess.jar(root, service), feature, kind);
    }

    private static int javaFeature(String javaHome) {
        try {
            for (String line : Files.readAllLines(Path.of(javaHome, "release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(line.replaceAll("[^0-9.]", "").split("\\.")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: treated as the running JDK's
        }
        return Runtime.version().feature();
    }

    private ServiceProcess launch(Path root, String service, Lever lever, List<String> archive) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        for (String s : ServiceProcess.SERVICES) {
            ports.put(s, Ports.free());
            management.put(s, Ports.free());
        }
        if (upstream != null) {
            ports.put("allocation-service", upstream.port());
            management.put("allocation-service", upstream.managementPort());
            ports.put(service, Ports.free());
            management.put(service, Ports.free());
        }
        Map<String, String> env = ServiceProcess.environment(service, ports, management, infrastructure.postgres(),
                infrastructure.kafka(), infrastructure.keys());
        env.putAll(lever.env());
        List<String> options = new ArrayList<>(lever.options());
        options.addAll(archive);
        String java = Path.of(lever.java() == null ? System.getProperty("java.home") : lever.java(), "bin", "java")
                .toString();
        Path log = out.resolve(env("STARTUP_WORK", "levers")).resolve("logs")
                .resolve(lever.name() + "-" + service + ".log");
        ServiceProcess process = ServiceProcess.launch(java, options, ServiceProcess.jar(root, service), service,
                ports.get(service), env, log);
        running.add(process);
        return process;
    }

    /** Polls the service's first request until it is answered (any status below 500); returns System.nanoTime(). */
    private long firstAnswer(ServiceProcess service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri().resolve(FIRST_REQUEST.get(service.name())))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IOException(service.name() + " exited, see its log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < SERVER_ERROR) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(FIRST_ANSWER_POLL_MS);
        }
        throw new IOException(service.name() + " not answered within " + START_TIMEOUT);
    }

    /**
     * wrk on the first request after a warm-up of the same length: requests/s, and the service's CPU time per request
     * meanwhile (what a busy shared machine disturbs far less), in {@code cpuMicros}.
     */
    private double throughput(ServiceProcess service, double[] cpuMicros) throws Exception {
        String uri = service.uri().resolve(FIRST_REQUEST.get(service.name())).toString();
        runWrk(uri);
        long cpuBefore = service.cpuMillis();
        ToolOutput.Wrk measured = ToolOutput.wrk(runWrk(uri));
        cpuMicros[0] = (service.cpuMillis() - cpuBefore) * 1000.0 / Math.max(1, measured.requests());
        return measured.requestsPerSecond();
    }

    private String runWrk(String uri) throws Exception {
        Path output = Files.createTempFile(out, "wrk", ".out");
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + throughputSeconds + "s", "--latency", uri)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!wrk.waitFor(throughputSeconds + 60L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
        }
        String text = Files.readString(output);
        Files.delete(output);
        return text;
    }

    static Launch median(List<Launch> launches) {
        return new Launch(median(launches.stream().mapToDouble(Launch::seconds).toArray()),
                median(launches.stream().mapToDouble(Launch::cpuSeconds).toArray()),
                median(launches.stream().mapToDouble(Launch::residentMegabytes).toArray()),
                median(launches.stream().mapToDouble(Launch::load).toArray()));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void stop() {
        DevStack.stop(new ArrayList<>(running), infrastructure);
        running.clear();
        infrastructure = null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void log(String message) {
        System.out.println("[levers] " + message);
    }
}
