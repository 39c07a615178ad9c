package se.kvinnohalsa.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import se.kvinnohalsa.stack.DemoData;
import se.kvinnohalsa.stack.DevStack;
import se.kvinnohalsa.stack.JvmOptions;
import se.kvinnohalsa.stack.LocalKeys;
import se.kvinnohalsa.stack.Ports;
import se.kvinnohalsa.stack.PostgresServer;
import se.kvinnohalsa.stack.ServiceProcess;
import se.kvinnohalsa.stack.StackConfig;
import se.kvinnohalsa.stack.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The platform beside its physical references, in one run on this machine (issue 17): starts PostgreSQL, Kafka and
 * each service alone (P6), loads the demo data, then measures P1 (public summary through the gateway ÷ pgbench -S),
 * P4 (the same GET through the gateway ÷ straight to the service), P3 (CSV import over HTTP ÷ psql \copy of the same
 * rows), P5 (report submitted → event on the gateway's live stream, p99 ÷ Kafka's EndToEndLatency p99); prints a
 * table and writes JSON under target/bench/. Started by deploy/local/bench.sh; not part of the build's pass/fail.
 * Everything runs on free ports in target/bench/stack, so it never meets a local stack or another bench.
 */
public final class Bench {

    static final String SUMMARY = "/api/v1/indicators/EFTERVARDSBESOK/summary";
    static final String REGIONS = "/api/v1/regions";
    /** High enough that no client of the bench is ever limited: the limit is not what is measured. */
    static final String RAISED_RATE_LIMIT = "1000000";
    /**
     * P3b's million rows take longer than the gateway gives a body (20 s) and an upstream's silence (30 s): raised
     * for the bench, the body's below the silence's as the gateway requires.
     */
    static final String RAISED_IDLE_TIMEOUT = "PT10M";
    static final String RAISED_BODY_TIMEOUT = "PT9M";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration BACKEND_GONE_TIMEOUT = Duration.ofSeconds(5);
    private static final long FIRST_ANSWER_POLL_MS = 10;
    private static final int SERVER_ERROR = 500;
    private static final double GOAL_P1 = 1.0;
    private static final double GOAL_P3 = 0.5;
    private static final double GOAL_P4 = 0.85;
    private static final double GOAL_P5 = 3.0;
    private static final double GOAL_P6_SECONDS = 1.5;
    private static final double GOAL_P6_MEGABYTES = 200;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MICROS_PER_MILLI = 1e3;
    /** The service P3 imports into: its heap is logged (BENCH's P3 figures). */
    private static final String IMPORTER = "indicators-service";

    private final Settings settings;
    private final Path out;
    /**
     * HTTP/1.1 as wrk and most regional systems: Java's client would otherwise try h2c, and a streamed body over
     * HTTP/2 (no Content-Length) is not what P3 measures.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode raw = json.createObjectNode();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> cpuNotes = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private DevStack infrastructure;
    private Tokens tokens;
    private PostgresCpu postgresCpu;

    /** What to run and how long: BENCH_ROWS (e.g. P1,P4), BENCH_SECONDS, BENCH_WARMUP_SECONDS, ... */
    record Settings(Set<String> rows, int seconds, int warmupSeconds, int threads, int connections, int importRows,
            int largeImportRows, int submissions, int kafkaMessages, int pgbenchScale, Set<String> profiled) {

        static Settings fromEnvironment() {
            String only = env("BENCH_ROWS", "P1,P3,P4,P5,P6");
            return new Settings(Set.of(only.toUpperCase(Locale.ROOT).split("\\s*,\\s*")),
                    Integer.parseInt(env("BENCH_SECONDS", "10")), Integer.parseInt(env("BENCH_WARMUP_SECONDS", "5")),
                    Integer.parseInt(env("BENCH_THREADS", "2")), Integer.parseInt(env("BENCH_CONNECTIONS", "8")),
                    Integer.parseInt(env("BENCH_IMPORT_ROWS", "100000")),
                    Integer.parseInt(env("BENCH_IMPORT_LARGE_ROWS", "1000000")),
                    Integer.parseInt(env("BENCH_SUBMISSIONS", "200")),
                    Integer.parseInt(env("BENCH_KAFKA_MESSAGES", "2000")),
                    Integer.parseInt(env("BENCH_PGBENCH_SCALE", "10")),
                    Set.of(env("BENCH_JFR", "-").split("\\s*,\\s*")));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }

    private Bench(Settings settings, Path out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Bench bench = new Bench(Settings.fromEnvironment(), root.resolve("target/bench"));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-shutdown"));
        try {
            bench.run(root);
        } catch (Exception | LinkageError e) {
            System.err.println("BENCH FAILED " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(Path root) throws Exception {
        Files.createDirectories(out);
        Instant started = Instant.now();
        StackConfig config = new StackConfig(root, out.resolve("stack"), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        notes.add(String.format(Locale.ROOT, "machine: %d cores, load average %.2f at the start (a shared machine: "
                + "figures are noisy)", Runtime.getRuntime().availableProcessors(), load));
        notes.add("gateway rate limit raised through configuration for the bench: "
                + "GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=" + RAISED_RATE_LIMIT + ", GATEWAY_RATE_LIMIT_BURST="
                + RAISED_RATE_LIMIT + " (default 50/s, burst 100 per client); its timeouts for the imports: "
                + "GATEWAY_IDLE_TIMEOUT=" + RAISED_IDLE_TIMEOUT + ", GATEWAY_REQUEST_BODY_TIMEOUT="
                + RAISED_BODY_TIMEOUT + " (default 30 s, 20 s)");
        notes.add("load generator: wrk -t" + settings.threads + " -c" + settings.connections + " -d"
                + settings.seconds + "s --latency after a " + settings.warmupSeconds + " s warm-up; anonymous GETs");
        log("starting PostgreSQL and Kafka in " + config.workDir() + " (fresh)");
        infrastructure = DevStack.start(config, true);
        postgresCpu = new PostgresCpu(config.workDir().resolve("postgres"));
        tokens = new Tokens(infrastructure.keys().privateKey(), LocalKeys.ISSUER, LocalKeys.AUDIENCE);
        startServices(config);
        URI gateway = URI.create("http://localhost:" + ports.get("gateway"));
        log("loading the demo data through " + gateway);
        new DemoData(gateway, tokens).load();

        if (settings.rows.contains("P1") || settings.rows.contains("P4")) {
            readRows(gateway);
        }
        if (settings.rows.contains("P3")) {
            importRow(gateway, "P3", settings.importRows);
            if (settings.largeImportRows > 0) {
                importRow(gateway, "P3b", settings.largeImportRows);
            }
        }
        if (settings.rows.contains("P5")) {
            eventRow(gateway);
        }
        rows.sort((a, b) -> a.id().compareTo(b.id()));
        report(started);
    }

    /** P6: each service launched alone (the next only once this one is healthy), timed to its first answer. */
    private void startServices(StackConfig config) throws Exception {
        ports.put("allocation-service", config.allocationPort());
        ports.put("reporting-service", config.reportingPort());
        ports.put("indicators-service", config.indicatorsPort());
        ports.put("gateway", config.gatewayPort());
        Map<String, Integer> management = new LinkedHashMap<>();
        management.put("allocation-service", config.allocationManagementPort());
        management.put("reporting-service", config.reportingManagementPort());
        management.put("indicators-service", config.indicatorsManagementPort());
        management.put("gateway", config.gatewayManagementPort());
        Map<String, String> firstRequest = Map.of("allocation-service", REGIONS, "reporting-service",
                "/api/v1/reports/2024/summary", "indicators-service", "/api/v1/indicators", "gateway", REGIONS);
        ObjectNode started = raw.putObject("P6");
        Path archives = out.resolve("cds");
        for (String name : ServiceProcess.SERVICES) {
            Map<String, String> env = ServiceProcess.environment(name, ports, management, infrastructure.postgres(),
                    infrastructure.kafka(), infrastructure.keys());
            env.put("GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", RAISED_RATE_LIMIT);
            env.put("GATEWAY_RATE_LIMIT_BURST", RAISED_RATE_LIMIT);
            env.put("GATEWAY_IDLE_TIMEOUT", RAISED_IDLE_TIMEOUT);
            env.put("GATEWAY_REQUEST_BODY_TIMEOUT", RAISED_BODY_TIMEOUT);
            List<String> jvmOptions = new ArrayList<>();
            if (settings.profiled.contains(name)) {
                // A flight recording of the whole run, written when the service stops (BENCH_JFR=gateway,...).
                jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + out.resolve(name + ".jfr"));
                notes.add(name + " ran with a flight recording: " + out.resolve(name + ".jfr"));
            }
            if (name.equals(IMPORTER)) {
                // Every collection's heap before and after: P3's peak heap and live set come from this log.
                Files.deleteIfExists(gcLog());
                jvmOptions.add("-Xlog:gc:file=" + gcLog());
            }
            if (!jvmOptions.isEmpty()) {
                env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
            }
            Path log = config.workDir().resolve("logs").resolve(name + ".log");
            long launched = System.nanoTime();
            // As the local stack starts it: with its class archive (written when a first run stops, then used).
            Path jar = ServiceProcess.jar(config.root(), name);
            List<String> jvm = JvmOptions.withArchive(archives, name, jar);
            notes.add(name + " JVM: " + String.join(" ", jvm));
            ServiceProcess service = ServiceProcess.launch(
                    JvmOptions.java(), jvm, jar, name,
                    ports.get(name), env, log);
            services.put(name, service);
            URI first = service.uri().resolve(firstRequest.get(name));
            double seconds = firstAnswer(first, launched) / NANOS_PER_SECOND;
            double megabytes = megabytes(service.residentMemory());
            service.awaitHealthy(START_TIMEOUT);
            log(String.format(Locale.ROOT, "%s answered %s %.2f s after launch, resident memory %.0f MB", name,
                    firstRequest.get(name), seconds, megabytes));
            started.putObject(name).put("firstAnswerSeconds", seconds).put("residentMegabytes", megabytes)
                    .put("firstRequest", firstRequest.get(name));
            if (settings.rows.contains("P6")) {
                rows.add(Row.atMost("P6", name + ": launch -> first answer", seconds, GOAL_P6_SECONDS, "s", "s",
                        "goal", 1.0, String.format(Locale.ROOT, "resident %.0f MB (goal <= %.0f MB: %.2f)",
                                megabytes, GOAL_P6_MEGABYTES, megabytes / GOAL_P6_MEGABYTES)));
            }
        }
    }

    private long firstAnswer(URI uri, long launched) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        long deadline = launched + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < SERVER_ERROR) {
                    return System.nanoTime() - launched;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(FIRST_ANSWER_POLL_MS);
        }
        throw new IOException(uri + " not answered within " + START_TIMEOUT);
    }

    static double megabytes(String residentMemory) {
        try {
            return Double.parseDouble(residentMemory.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** P1 and P4: wrk against the gateway and the service for the same GETs; pgbench -S on the same PostgreSQL. */
    private void readRows(URI gateway) throws Exception {
        URI indicators = URI.create("http://localhost:" + ports.get("indicators-service"));
        URI allocation = URI.create("http://localhost:" + ports.get("allocation-service"));
        ToolOutput.Wrk summaryGateway = wrk("summary via gateway", gateway.resolve(SUMMARY), "indicators-service");
        ToolOutput.Wrk summaryDirect = wrk("summary direct", indicators.resolve(SUMMARY), "indicators-service");
        ToolOutput.Wrk regionsGateway = wrk("regions via gateway", gateway.resolve(REGIONS), "allocation-service");
        ToolOutput.Wrk regionsDirect = wrk("regions direct", allocation.resolve(REGIONS), "allocation-service");
        if (settings.rows.contains("P1")) {
            double tps = pgbench();
            rows.add(Row.atLeast("P1", "public indicator summary through the gateway / pgbench -S",
                    summaryGateway.requestsPerSecond(), "req/s", tps, "tps", "pgbench -S", GOAL_P1,
                    latencyNote(summaryGateway)));
            rows.add(Row.atLeast("P1b", "the same summary straight to indicators-service / pgbench -S",
                    summaryDirect.requestsPerSecond(), "req/s", tps, "tps", "pgbench -S", GOAL_P1,
                    latencyNote(summaryDirect)));
        }
        if (settings.rows.contains("P4")) {
            rows.add(proxyRow("P4a", REGIONS, regionsGateway, regionsDirect));
            rows.add(proxyRow("P4b", "indicator summary", summaryGateway, summaryDirect));
        }
    }

    private static Row proxyRow(String id, String what, ToolOutput.Wrk gateway, ToolOutput.Wrk direct) {
        double added = gateway.p99Millis() - direct.p99Millis();
        return Row.atLeast(id, what + " through the gateway / straight to the service", gateway.requestsPerSecond(),
                direct.requestsPerSecond(), "req/s", "wrk, direct", GOAL_P4,
                String.format(Locale.ROOT, "p99 %.2f ms vs %.2f ms: added %+.2f ms (goal <= 1 ms)%s",
                        gateway.p99Millis(), direct.p99Millis(), added, gateway.clean() && direct.clean()
                                ? ""
                                : "; NOT CLEAN: refusals or errors"));
    }

    private static String latencyNote(ToolOutput.Wrk wrk) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms%s", wrk.p50Millis(), wrk.p99Millis(),
                wrk.clean()
                        ? ""
                        : "; NOT CLEAN: " + wrk.non2xx() + " non-2xx, " + wrk.socketErrors()
                                + " socket errors");
    }

    /**
     * wrk against one URI; also the CPU time the gateway and the answering service spent per request meanwhile,
     * which a busy shared machine disturbs far less than throughput.
     */
    private ToolOutput.Wrk wrk(String name, URI uri, String service) throws Exception {
        String threads = "-t" + settings.threads;
        String connections = "-c" + settings.connections;
        String file = name.replace(' ', '-');
        log("wrk " + name + ": " + uri);
        run("wrk-warmup-" + file, Map.of(), "wrk", threads, connections, "-d" + settings.warmupSeconds + "s",
                uri.toString());
        long gatewayCpu = services.get("gateway").cpuMillis();
        long serviceCpu = services.get(service).cpuMillis();
        String output = run("wrk-" + file, Map.of(), "wrk", threads, connections, "-d" + settings.seconds + "s",
                "--latency", uri.toString());
        ToolOutput.Wrk result = ToolOutput.wrk(output);
        double gatewayMicros = (services.get("gateway").cpuMillis() - gatewayCpu) * 1000.0 / result.requests();
        double serviceMicros = (services.get(service).cpuMillis() - serviceCpu) * 1000.0 / result.requests();
        ObjectNode measured = raw.has("wrk") ? (ObjectNode) raw.get("wrk") : raw.putObject("wrk");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("uri", uri.toString());
        figures.put("requestsPerSecond", result.requestsPerSecond());
        figures.put("p50Millis", result.p50Millis());
        figures.put("p99Millis", result.p99Millis());
        figures.put("non2xx", result.non2xx());
        figures.put("socketErrors", result.socketErrors());
        figures.put("gatewayCpuMicrosPerRequest", gatewayMicros);
        figures.put(service + "CpuMicrosPerRequest", serviceMicros);
        measured.putPOJO(name, figures);
        String cpu = String.format(Locale.ROOT, "CPU per request: gateway %.0f us, %s %.0f us", gatewayMicros,
                service, serviceMicros);
        log(String.format(Locale.ROOT, "  %,.0f req/s, p50 %.2f ms, p99 %.2f ms%s; %s", result.requestsPerSecond(),
                result.p50Millis(), result.p99Millis(), result.clean() ? "" : " (NOT CLEAN)", cpu));
        cpuNotes.put(name, cpu);
        return result;
    }

    private double pgbench() throws Exception {
        PostgresServer postgres = infrastructure.postgres();
        postgres.createDatabase("bench");
        Map<String, String> env = Map.of("PGPASSWORD", PostgresServer.PASSWORD);
        String[] connection = {"-h", "127.0.0.1", "-p", Integer.toString(postgres.port()), "-U", PostgresServer.USER};
        log("pgbench -i -s " + settings.pgbenchScale + " on the stack's PostgreSQL (database bench)");
        run("pgbench-init", env, concat(new String[]{"pgbench", "-i", "-q", "-s",
                Integer.toString(settings.pgbenchScale)}, connection, "bench"));
        String[] select = {"pgbench", "-S", "-n", "-c", Integer.toString(settings.connections), "-j",
                Integer.toString(settings.threads)};
        run("pgbench-warmup", env, concat(select, connection, "-T", Integer.toString(settings.warmupSeconds),
                "bench"));
        double tps = ToolOutput.pgbenchTps(run("pgbench", env, concat(select, connection, "-T",
                Integer.toString(settings.seconds), "bench")));
        raw.putObject("pgbench").put("selectOnlyTps", tps).put("scale", settings.pgbenchScale)
                .put("clients", settings.connections).put("threads", settings.threads);
        log(String.format(Locale.ROOT, "  pgbench -S: %,.0f tps", tps));
        return tps;
    }

    private Path gcLog() {
        return out.resolve(IMPORTER + "-gc.log");
    }

    private String gcLogText() throws IOException {
        return Files.exists(gcLog()) ? Files.readString(gcLog()) : "";
    }

    /**
     * P3: the generated rows imported as CSV through the gateway, and the same rows by psql's \copy. Also the CPU
     * time per row of indicators-service and the gateway (steadier than rows/s on a shared machine) and the
     * service's heap during the import, from its GC log (its -Xmx is fixed, so a flat live set proves it streams).
     */
    private void importRow(URI gateway, String id, int count) throws Exception {
        String code = "BENCH_IMPORT_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "_" + count;
        String definition = """
                {"name": "Bench %s", "description": "Generated rows of deploy/local/bench.sh", "unit": "PERCENT",
                 "source": "bench", "periodType": "SNAPSHOT", "target": {"operator": ">=", "value": 90},
                 "groups": %s}""".formatted(code, json.valueToTree(GeneratedObservations.GROUPS));
        HttpResponse<String> defined = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/indicators/" + code))
                .header("Authorization", "Bearer " + tokens.issue("admin", null))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(definition)).build(), HttpResponse.BodyHandlers.ofString());
        if (defined.statusCode() / 100 != 2) {
            rows.add(Row.failed(id, "CSV import", "defining " + code + " answered " + defined.statusCode()));
            return;
        }
        log("importing " + count + " CSV rows into " + code + " through the gateway");
        HttpRequest post = HttpRequest.newBuilder(gateway.resolve("/api/v1/indicators/" + code + "/observations"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + tokens.issue("registry", null))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> GeneratedObservations.importCsv(count))).build();
        ServiceProcess importer = services.get(IMPORTER);
        ServiceProcess proxy = services.get("gateway");
        int gcBefore = gcLogText().length();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long importerCpu = importer.cpuMillis();
        long proxyCpu = proxy.cpuMillis();
        long databaseCpu = postgresCpu.millis();
        long begin = System.nanoTime();
        HttpResponse<String> imported = http.send(post, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / NANOS_PER_SECOND;
        double importerMicros = (importer.cpuMillis() - importerCpu) * MICROS_PER_MILLI / count;
        double proxyMicros = (proxy.cpuMillis() - proxyCpu) * MICROS_PER_MILLI / count;
        double databaseMicros = (postgresCpu.millis() - databaseCpu) * MICROS_PER_MILLI / count;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String gcText = gcLogText();
        ToolOutput.Heap heap = ToolOutput.gcLog(gcText.substring(Math.min(gcBefore, gcText.length())));
        JsonNode result = imported.statusCode() == 200 ? json.readTree(imported.body()) : null;
        if (result == null || result.path("created").asInt() != count) {
            rows.add(Row.failed(id, "CSV import", "the import answered " + imported.statusCode() + " "
                    + abbreviate(imported.body())));
            return;
        }
        String figures = String.format(Locale.ROOT, "CPU per row: %s %.1f us, gateway %.1f us, PostgreSQL "
                + "%.1f us; %s heap (%s, "
                + "SerialGC): peak %.0f MB, live after a collection at most %.0f MB, %d collections; load average "
                + "%.2f -> %.2f", IMPORTER, importerMicros, proxyMicros, databaseMicros, IMPORTER, JvmOptions.HEAP,
                heap.peakMegabytes(), heap.liveMegabytes(), heap.collections(), loadBefore, loadAfter);
        log(String.format(Locale.ROOT, "  %,d rows in %.2f s = %,.0f rows/s; %s", count, seconds, count / seconds,
                figures));

        Path file = out.resolve("observations-" + count + ".csv");
        try (InputStream rowsOut = GeneratedObservations.tableCsv(count, code)) {
            Files.copy(rowsOut, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        PostgresServer postgres = infrastructure.postgres();
        postgres.createDatabase("bench");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("bench"), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS observation");
            s.execute(new String(Bench.class.getResourceAsStream("observation-table.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        log("psql \\copy of the same rows into a table of the same shape");
        long copyCpu = postgresCpu.millis();
        long copyBegin = System.nanoTime();
        run("psql-copy", Map.of("PGPASSWORD", PostgresServer.PASSWORD), "psql", "-v", "ON_ERROR_STOP=1", "-h",
                "127.0.0.1", "-p", Integer.toString(postgres.port()), "-U", PostgresServer.USER, "-d", "bench", "-c",
                "\\copy observation FROM '" + file + "' WITH (FORMAT csv)");
        double copySeconds = (System.nanoTime() - copyBegin) / NANOS_PER_SECOND;
        postgresCpu.awaitBackendsGone("bench", BACKEND_GONE_TIMEOUT);
        double copyMicros = (postgresCpu.millis() - copyCpu) * MICROS_PER_MILLI / count;
        log(String.format(Locale.ROOT, "  \\copy: %,d rows in %.2f s; PostgreSQL CPU per row %.1f us", count,
                copySeconds, copyMicros));
        raw.putObject(id).put("rows", count).put("importSeconds", seconds).put("copySeconds", copySeconds)
                .put("indicator", code).put("serviceCpuMicrosPerRow", importerMicros)
                .put("gatewayCpuMicrosPerRow", proxyMicros).put("postgresCpuMicrosPerRow", databaseMicros)
                .put("copyPostgresCpuMicrosPerRow", copyMicros).put("heapPeakMegabytes", heap.peakMegabytes())
                .put("heapLiveMegabytes", heap.liveMegabytes()).put("collections", heap.collections())
                .put("maxHeap", JvmOptions.HEAP).put("loadAverageBefore", loadBefore)
                .put("loadAverageAfter", loadAfter);
        rows.add(Row.atLeast(id, "CSV import over HTTP (gateway) / psql \\copy, " + count + " rows",
                count / seconds, count / copySeconds, "rows/s", "psql \\copy", GOAL_P3,
                String.format(Locale.ROOT, "import %.2f s, \\copy %.2f s (PostgreSQL CPU per row %.1f us); %s",
                        seconds, copySeconds, copyMicros, figures)));
    }

    /**
     * P5: region 01's 2024 report (left submitted by the demo data) is returned and submitted again, over and over;
     * each time from sending the submission to its event on an anonymous live stream. Against Kafka's own
     * EndToEndLatency (acks=all) on the same broker.
     */
    private void eventRow(URI gateway) throws Exception {
        ToolOutput.EndToEnd kafka = kafkaEndToEnd();
        String report = "/api/v1/reports/2024/01";
        String admin = "Bearer " + tokens.issue("admin", null);
        List<Double> sinceSent = new ArrayList<>();
        List<Double> sinceAnswered = new ArrayList<>();
        int warmup = Math.max(1, settings.submissions / 10);
        log("P5: " + (warmup + settings.submissions) + " submissions of " + report + " (" + warmup + " warm-up)");
        try (LiveStream stream = LiveStream.open(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                gateway,
                "se.kvinnohalsa.report.submitted.v1", "2024/01", EVENT_TIMEOUT)) {
            for (int i = 0; i < warmup + settings.submissions; i++) {
                HttpResponse<String> returned = http.send(HttpRequest.newBuilder(gateway.resolve(report + "/review"))
                        .header("Authorization", admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"decision\": \"RETURN\", \"comment\": \"bench: submit again\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (returned.statusCode() != 200) {
                    rows.add(Row.failed("P5", "report submitted -> live stream", "returning the report answered "
                            + returned.statusCode() + " " + abbreviate(returned.body())));
                    return;
                }
                stream.clear();
                long sent = System.nanoTime();
                HttpResponse<String> submitted = http.send(
                        HttpRequest.newBuilder(gateway.resolve(report + "/submission")).header("Authorization", admin)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (submitted.statusCode() != 200) {
                    rows.add(Row.failed("P5", "report submitted -> live stream", "submitting answered "
                            + submitted.statusCode() + " " + abbreviate(submitted.body())));
                    return;
                }
                long arrived = stream.next(EVENT_TIMEOUT);
                if (arrived < 0) {
                    rows.add(Row.failed("P5", "report submitted -> live stream", "no event within " + EVENT_TIMEOUT));
                    return;
                }
                if (i >= warmup) {
                    sinceSent.add((arrived - sent) / NANOS_PER_MILLI);
                    sinceAnswered.add(Math.max(0, arrived - answered) / NANOS_PER_MILLI);
                }
            }
        }
        double p50 = ToolOutput.percentile(sinceSent, 50);
        double p99 = ToolOutput.percentile(sinceSent, 99);
        double p99AfterAnswer = ToolOutput.percentile(sinceAnswered, 99);
        raw.putObject("P5").put("submissions", sinceSent.size()).put("p50Millis", p50).put("p99Millis", p99)
                .put("p99AfterAnswerMillis", p99AfterAnswer).put("kafkaP50Millis", kafka.p50Millis())
                .put("kafkaP99Millis", kafka.p99Millis()).put("kafkaAverageMillis", kafka.averageMillis());
        rows.add(Row.atMost("P5", "report submitted -> event on the live stream, p99 / Kafka e2e p99", p99,
                Math.max(kafka.p99Millis(), 1), "ms", "ms", "EndToEndLatency", GOAL_P5,
                String.format(Locale.ROOT, "%d submissions; p50 %.1f ms; p99 after the 200 %.1f ms; Kafka p50 %.0f "
                        + "ms, avg %.2f ms (Kafka prints whole ms)", sinceSent.size(), p50, p99AfterAnswer,
                        kafka.p50Millis(), kafka.averageMillis())));
    }

    private ToolOutput.EndToEnd kafkaEndToEnd() throws Exception {
        String bootstrap = infrastructure.kafka().bootstrapServers();
        String topic = "bench-end-to-end";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        String classpath;
        try (InputStream in = Bench.class.getResourceAsStream("/se/kvinnohalsa/stack/kafka-broker.classpath")) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String java = JvmOptions.java();
        log("Kafka's EndToEndLatency: " + settings.kafkaMessages + " messages of 512 bytes, acks=all");
        ToolOutput.EndToEnd result = ToolOutput.endToEnd(run("kafka-end-to-end", Map.of(), java, "-Xmx256m", "-cp",
                classpath, "org.apache.kafka.tools.EndToEndLatency", bootstrap, topic,
                Integer.toString(settings.kafkaMessages), "all", "512"));
        log(String.format(Locale.ROOT, "  Kafka end to end: p50 %.0f ms, p99 %.0f ms, avg %.2f ms", result.p50Millis(),
                result.p99Millis(), result.averageMillis()));
        return result;
    }

    private void report(Instant started) throws IOException {
        String table = Row.table(rows);
        System.out.println();
        System.out.println("BENCH " + started + " (" + Duration.between(started, Instant.now()).toSeconds() + " s)");
        cpuNotes.forEach((name, cpu) -> notes.add(name + ": " + cpu));
        notes.forEach(n -> System.out.println("  " + n));
        System.out.println(table);
        ObjectNode document = json.createObjectNode();
        document.put("started", started.toString());
        document.putPOJO("notes", notes);
        document.putPOJO("rows", rows.stream().map(Bench::rowJson).toList());
        document.set("raw", raw);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path file = out.resolve("bench-" + stamp + ".json");
        json.writeValue(file.toFile(), document);
        Files.copy(file, out.resolve("bench.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(out.resolve("bench-" + stamp + ".txt"), String.join("\n", notes) + "\n" + table);
        System.out.println("written " + file + " (and bench.json)");
    }

    private static Map<String, Object> rowJson(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", row.id());
        map.put("what", row.what());
        map.put("value", finite(row.value()));
        map.put("unit", row.unit());
        map.put("reference", finite(row.reference()));
        map.put("referenceUnit", row.referenceUnit());
        map.put("tool", row.tool());
        map.put("ratio", finite(row.ratio()));
        map.put("goal", row.goal());
        map.put("goalMet", row.goalMet());
        map.put("note", row.note());
        return map;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Runs a tool to its end; its output (stdout and stderr) is kept under target/bench/tools and returned. */
    private String run(String name, Map<String, String> env, String... command) throws Exception {
        Path tools = Files.createDirectories(out.resolve("tools"));
        Path output = tools.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within " + TOOL_TIMEOUT);
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IOException(command[0] + " exited with " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private void stop() {
        DevStack.stop(new ArrayList<>(services.values()), infrastructure);
        services.clear();
        infrastructure = null;
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
