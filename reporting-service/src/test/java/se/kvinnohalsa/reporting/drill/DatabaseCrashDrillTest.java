package se.kvinnohalsa.reporting.drill;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.PostgresServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill (issue 12, item 6): PostgreSQL crashes while 300 reports are written concurrently through HTTP. A backend is
 * killed with SIGKILL (PostgreSQL ends every connection and recovers by itself), later the postmaster with all its
 * processes, and PostgreSQL is restarted on the same port and data. Afterwards: every write that was acknowledged
 * (2xx) is there with what was sent, none is there twice, every refusal was a 503 problem+json with Retry-After,
 * and the refused writes succeed when sent again, without the service being restarted. Prints the figures. Owns the
 * years 3001-3015.
 */
@QuarkusTest
class DatabaseCrashDrillTest {

    private static final int FIRST_YEAR = 3001;
    private static final int YEARS = 15;
    private static final List<String> REGIONS = List.of("01", "03", "04", "05", "06", "07", "08", "09", "10", "12",
            "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25");
    private static final int WRITES = 300;
    private static final int CLIENTS = 16;
    /** Writes are started this far apart, so that they run before, during and after each fault. */
    private static final Duration PACE = Duration.ofMillis(25);
    private static final int KILL_BACKEND_AFTER = 60;
    private static final int CRASH_AFTER = 150;
    private static final Duration DOWN_FOR = Duration.ofSeconds(2);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_RETRIES = 60;
    private static final int CREATED = 201;
    private static final int PRECONDITION_REQUIRED = 428;
    private static final int UNAVAILABLE = 503;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    /** One write and what became of it. */
    record Write(int index, int year, String region, String marker) {
        String path() {
            return "/api/v1/reports/" + year + "/" + region;
        }
    }

    record Outcome(Write write, int status, String contentType, String retryAfter, Instant sent, Instant at) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Outcome send(Write write) {
        String body = "{\"situationAnalysis\": {\"results\": \"" + write.marker() + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve(write.path())).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("reporter",
                        write.region()))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(write, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), sent, Instant.now());
        } catch (Exception e) {
            // Not an HTTP answer at all (the service itself never goes down here): counted as status 0.
            return new Outcome(write, 0, e.toString(), null, sent, Instant.now());
        }
    }

    @Test
    void noAcknowledgedWriteIsLostWhenPostgresCrashesAndTheServiceRecoversByItself() throws Exception {
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            Api.agreement(kafka, year, LocalDate.of(year + 1, 3, 31), List.of("EFTERVARD"));
        }
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            writes.add(new Write(i, FIRST_YEAR + i / REGIONS.size(), REGIONS.get(i % REGIONS.size()),
                    "drill " + i + " Område Kvinna ✓"));
        }
        PostgresServer postgres = Infrastructure.shared().postgres();
        AtomicInteger started = new AtomicInteger();
        AtomicReference<Instant> crashedAt = new AtomicReference<>();
        AtomicReference<Instant> restartedAt = new AtomicReference<>();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Instant begin = Instant.now();

        ExecutorService faults = Executors.newSingleThreadExecutor();
        Future<?> faultInjection = faults.submit(() -> {
            awaitStarted(started, KILL_BACKEND_AFTER);
            postgres.killBackend(backendOf(postgres, "reporting"));
            awaitStarted(started, CRASH_AFTER);
            postgres.crash();
            // From here on PostgreSQL is gone: a write sent later can only succeed once it is back.
            crashedAt.set(Instant.now());
            Thread.sleep(DOWN_FOR.toMillis());
            postgres.restart(RESTART_TIMEOUT);
            restartedAt.set(Instant.now());
            return null;
        });
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        for (Write write : writes) {
            sent.add(clients.submit(() -> {
                long due = begin.toEpochMilli() + write.index() * PACE.toMillis();
                Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                started.incrementAndGet();
                outcomes.add(send(write));
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        faultInjection.get();
        clients.shutdown();
        faults.shutdown();

        // Every refusal of the first round: 503 problem+json with Retry-After, nothing else.
        Map<Integer, Long> firstRound = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        List<Outcome> refused = outcomes.stream().filter(o -> !o.acknowledged()).toList();
        for (Outcome o : refused) {
            assertEquals(UNAVAILABLE, o.status(), "write " + o.write().index() + ": " + o.contentType());
            assertEquals("application/problem+json", o.contentType(), "write " + o.write().index());
            assertTrue(o.retryAfter() != null && o.retryAfter().matches("\\d+"), "Retry-After on a 503");
        }

        // The refused writes again, as a client following Retry-After would: they succeed, the service untouched.
        int retries = 0;
        int committedThoughRefused = 0;
        List<Outcome> retried = new ArrayList<>();
        for (Outcome o : refused) {
            Outcome again = o;
            for (int attempt = 0; attempt < MAX_RETRIES && !again.acknowledged()
                    && again.status() != PRECONDITION_REQUIRED; attempt++) {
                Thread.sleep(1000L * Long.parseLong(again.retryAfter() == null ? "1" : again.retryAfter()));
                again = send(o.write());
                retries++;
            }
            if (again.status() == PRECONDITION_REQUIRED) {
                // Already there: the refused write had committed before its answer was lost.
                committedThoughRefused++;
            } else {
                assertEquals(CREATED, again.status(), "write " + o.write().index() + " sent again");
            }
            retried.add(again);
        }

        // Every acknowledged write is there, with what was sent, once.
        int lost = 0;
        for (Write write : writes) {
            String results = Api.admin().get(write.path()).then().extract().path("situationAnalysis.results");
            if (!write.marker().equals(results)) {
                lost++;
            }
        }
        int duplicates;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*) FROM (SELECT year, region_code FROM report_status_change
                        WHERE action = 'CREATED' AND year BETWEEN %d AND %d
                        GROUP BY year, region_code HAVING count(*) > 1) twice""".formatted(FIRST_YEAR,
                        FIRST_YEAR + YEARS - 1))) {
            rs.next();
            duplicates = rs.getInt(1);
        }
        Instant firstSuccessAfterCrash = Stream.concat(outcomes.stream(), retried.stream())
                .filter(Outcome::acknowledged).filter(o -> o.sent().isAfter(crashedAt.get())).map(Outcome::at)
                .min(Instant::compareTo).orElseThrow();
        List<Instant> refusedAt = refused.stream().map(Outcome::at).sorted().toList();
        long acknowledgedFirstRound = outcomes.stream().filter(Outcome::acknowledged).count();

        System.out.printf("""
                [drill] PostgreSQL crash-restart during %d concurrent report writes through HTTP (%d clients)
                [drill]   faults: SIGKILL of a backend after %d writes started; SIGKILL of the postmaster and its \
                processes after %d, down %d s, restarted on the same port and data
                [drill]   first round: answers by status %s (acknowledged %d, refused %d)
                [drill]   refused writes sent again: %d requests; %d of them had committed although refused
                [drill]   lost acknowledged writes: %d of %d; duplicates: %d
                [drill]   recovery: first acknowledged write sent after the crash answered %d ms after it, %d ms after \
                the restart (restart took %d ms from the crash, including %d s down); refusals from %s to %s
                """, WRITES, CLIENTS, KILL_BACKEND_AFTER, CRASH_AFTER, DOWN_FOR.toSeconds(), firstRound,
                acknowledgedFirstRound, refused.size(), retries, committedThoughRefused, lost, WRITES, duplicates,
                Duration.between(crashedAt.get(), firstSuccessAfterCrash).toMillis(),
                Math.max(0, Duration.between(restartedAt.get(), firstSuccessAfterCrash).toMillis()),
                Duration.between(crashedAt.get(), restartedAt.get()).toMillis(), DOWN_FOR.toSeconds(),
                refusedAt.isEmpty() ? "-" : refusedAt.get(0),
                refusedAt.isEmpty() ? "-" : refusedAt.get(refusedAt.size() - 1));

        assertEquals(0, lost, "acknowledged writes lost");
        assertEquals(0, duplicates, "reports created twice");
        assertTrue(firstRound.keySet().stream().allMatch(s -> s == CREATED || s == UNAVAILABLE), firstRound::toString);
        // And a new write now, as any other.
        Write fresh = new Write(WRITES, FIRST_YEAR + YEARS - 1, "25", "after the drill");
        assertEquals(CREATED, send(fresh).status());
    }

    private static void awaitStarted(AtomicInteger started, int count) throws InterruptedException {
        while (started.get() < count) {
            Thread.sleep(5);
        }
    }

    /** A server process serving the service's database (one of its pooled connections). */
    private static long backendOf(PostgresServer postgres, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER,
                PostgresServer.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND backend_type = 'client backend' ORDER BY backend_start LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no connection to " + database);
            }
            return rs.getLong(1);
        }
    }
}
