package se.kvinnohalsa.gateway.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.KafkaBroker;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill (issue 12): the Kafka broker is killed with SIGKILL (not paused, not stopped) while the 21 regions submit 1,000
 * reports through the gateway, and restarted on the same port and log dirs. Every submission is acknowledged, every
 * report.submitted event reaches the topic and indicators-service, its consumer, applies each exactly once. Prints
 * the figures. The broker runs again afterwards for the other integration tests of this JVM.
 */
class KafkaCrashDrillIT {

    private static final int YEAR = 2095;
    private static final int SUBMISSIONS = 1_000;
    private static final int KILL_AFTER = 250;
    private static final int RESTART_AFTER = 650;
    private static final int CLIENTS = 6;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(4);
    private static final String SUBMITTED = "se.kvinnohalsa.report.submitted.v1";
    private static final List<String> REGIONS = List.of("01", "03", "04", "05", "06", "07", "08", "09", "10", "12",
            "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25");
    private static final Pattern DUPLICATES = Pattern.compile(
            "events_consumed_total\\{[^}]*consumer=\"indicators-service\"[^}]*result=\"duplicate\"[^}]*type=\""
                    + Pattern.quote(SUBMITTED) + "\"[^}]*} ([0-9.E]+)");

    private static final String APPLIED = "SELECT count(*) FROM processed_event WHERE consumer = 'indicators-service'"
            + " AND event_id = ANY (?)";

    private final Map<Integer, AtomicInteger> submissionAnswers = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> reviewAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger acknowledgedAtKill = new AtomicInteger();
    private final AtomicInteger acknowledgedAtRestart = new AtomicInteger();

    @Test
    void everySubmissionIsAcknowledgedDeliveredAndAppliedOnceThroughABrokerCrash() throws Exception {
        PackagedSystem system = PackagedSystem.get();
        KafkaBroker broker = system.infrastructure().kafka();
        prepareReports(system);
        double duplicatesBefore = downstreamDuplicates(system);

        AtomicLong killedAt = new AtomicLong();
        AtomicLong restartedAt = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Thread crash = new Thread(() -> crashAndRestart(broker, killedAt, restartedAt), "kafka-crash");
        try {
            crash.start();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < REGIONS.size(); i++) {
                String region = REGIONS.get(i);
                int quota = SUBMISSIONS / REGIONS.size() + (i < SUBMISSIONS % REGIONS.size() ? 1 : 0);
                work.add(clients.submit(() -> submitAndReturn(system, region, quota)));
            }
            for (Future<?> done : work) {
                done.get(15, TimeUnit.MINUTES);
            }
            crash.join(TimeUnit.MINUTES.toMillis(5));
        } finally {
            clients.shutdownNow();
            if (!broker.isRunning()) {
                broker.restart(); // whatever happened, the next tests find a broker
            }
        }

        long drainedAt = awaitCount(system, "reporting", "SELECT count(*) FROM outbox_event WHERE type = '"
                + SUBMITTED + "' AND subject LIKE '" + YEAR + "/%' AND sent_at IS NOT NULL", null, SUBMISSIONS);
        Set<String> written = ids(system, "reporting",
                "SELECT CAST(id AS text) FROM outbox_event WHERE type = '" + SUBMITTED + "' AND subject LIKE '"
                        + YEAR + "/%'");
        long appliedAt = awaitCount(system, "indicators", APPLIED, written, written.size());
        List<ConsumerRecord<String, String>> onTopic = new KafkaProbe(broker.bootstrapServers()).read(
                "report-events",
                r -> SUBMITTED.equals(KafkaProbe.header(r, "ce_type"))
                        && String.valueOf(KafkaProbe.header(r, "ce_subject")).startsWith(YEAR + "/"),
                found -> false, Duration.ofSeconds(15));
        Set<String> delivered = new HashSet<>();
        onTopic.forEach(r -> delivered.add(KafkaProbe.header(r, "ce_id")));
        Set<String> lost = new HashSet<>(written);
        lost.removeAll(delivered);
        int appliedRows = count(system, "indicators", APPLIED, written);
        double downstreamDuplicates = downstreamDuplicates(system) - duplicatesBefore;

        System.out.printf("[drill] Kafka SIGKILL during %d report submissions through the gateway (%d clients): "
                + "acknowledged %d, submission answers %s, review answers %s; broker down %d ms "
                + "(killed after %d, running again after %d acknowledged); events written %d, on the topic %d "
                + "(unique %d, duplicates %d), lost %d; applied once by indicators-service %d (redeliveries it "
                + "dropped as duplicates %.0f); recovery from broker restart: outbox drained after %d ms, all "
                + "applied downstream after %d ms%n",
                SUBMISSIONS, CLIENTS, acknowledged.get(), new TreeMap<>(submissionAnswers),
                new TreeMap<>(reviewAnswers), restartedAt.get() - killedAt.get(), acknowledgedAtKill.get(),
                acknowledgedAtRestart.get(),
                written.size(), onTopic.size(), delivered.size(), onTopic.size() - delivered.size(), lost.size(),
                appliedRows, downstreamDuplicates, drainedAt - restartedAt.get(), appliedAt - restartedAt.get());

        assertTrue(killedAt.get() > 0 && restartedAt.get() > killedAt.get(), "the broker was killed and restarted");
        assertEquals(SUBMISSIONS, acknowledged.get(), "every submission acknowledged: " + submissionAnswers);
        assertEquals(SUBMISSIONS, written.size(), "one report.submitted per submission in the outbox");
        assertEquals(Set.of(), lost, "every event on the topic");
        assertEquals(SUBMISSIONS, appliedRows, "every event applied downstream, once");
    }

    /** An agreement year of its own and a draft for every region, through the gateway. */
    private static void prepareReports(PackagedSystem system) {
        system.as("gateway", "admin", null).body("""
                {"year": %d, "title": "Drill %d", "totalSek": 1000000, "reportingDeadline": "%d-03-31",
                 "pools": [{"code": "POPULATION", "amountSek": 1000000}],
                 "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"}], "conditions": []}"""
                .formatted(YEAR, YEAR, YEAR + 1)).post("/api/v1/agreements").then().statusCode(201);
        long deadline = System.currentTimeMillis() + 60_000;
        while (system.at("gateway").get("/api/v1/reports/" + YEAR + "/01/status").statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("reporting-service did not learn the agreement " + YEAR);
            }
            sleep(200);
        }
        for (String region : REGIONS) {
            system.as("gateway", "reporter", region).body(report()).put("/api/v1/reports/" + YEAR + "/" + region)
                    .then().statusCode(201);
        }
    }

    /** The region's own sequence: submit, the board returns it, submit again. */
    private void submitAndReturn(PackagedSystem system, String region, int submissions) {
        String path = "/api/v1/reports/" + YEAR + "/" + region;
        for (int i = 0; i < submissions; i++) {
            int status = system.as("gateway", "reporter", region).post(path + "/submission").statusCode();
            submissionAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status != 200) {
                continue;
            }
            acknowledged.incrementAndGet();
            if (i < submissions - 1) {
                int reviewed = system.as("gateway", "admin", null)
                        .body("{\"decision\": \"RETURN\", \"comment\": \"Drill " + i + "\"}").post(path + "/review")
                        .statusCode();
                reviewAnswers.computeIfAbsent(reviewed, s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private void crashAndRestart(KafkaBroker broker, AtomicLong killedAt, AtomicLong restartedAt) {
        try {
            while (acknowledged.get() < KILL_AFTER) {
                sleep(20);
            }
            broker.kill();
            killedAt.set(System.currentTimeMillis());
            acknowledgedAtKill.set(acknowledged.get());
            System.out.printf("[drill] broker killed (SIGKILL) after %d acknowledged submissions%n",
                    acknowledged.get());
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(3);
            while (acknowledged.get() < RESTART_AFTER && System.currentTimeMillis() < deadline) {
                sleep(20);
            }
            broker.restart();
            restartedAt.set(System.currentTimeMillis());
            acknowledgedAtRestart.set(acknowledged.get());
            System.out.printf("[drill] broker running again after %d acknowledged submissions%n", acknowledged.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the count reaches expected (or the delivery timeout passes); returns when. */
    private static long awaitCount(PackagedSystem system, String database, String sql, Set<String> ids,
            int expected) throws SQLException {
        long deadline = System.currentTimeMillis() + DELIVERY_TIMEOUT.toMillis();
        while (count(system, database, sql, ids) < expected && System.currentTimeMillis() < deadline) {
            sleep(250);
        }
        return System.currentTimeMillis();
    }

    private static int count(PackagedSystem system, String database, String sql, Set<String> ids)
            throws SQLException {
        try (Connection c = connect(system, database); PreparedStatement s = c.prepareStatement(sql)) {
            if (ids != null) {
                s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Set<String> ids(PackagedSystem system, String database, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = connect(system, database);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static Connection connect(PackagedSystem system, String database) throws SQLException {
        return DriverManager.getConnection(system.infrastructure().postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    /** Redeliveries indicators-service recognised and dropped, from its Prometheus metrics. */
    private static double downstreamDuplicates(PackagedSystem system) {
        String metrics = given().baseUri("http://localhost").port(system.managementPort("indicators-service"))
                .get("/q/metrics").asString();
        Matcher matcher = DUPLICATES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String report() {
        return """
                {"spending": {"lines": [{"focusArea": "EFTERVARD", "amountSek": 900000}], "notSplitReason": null},
                 "activities": [{"title": "Stöd efter förlossning", "description": "Uppföljande samtal",
                                  "focusAreas": ["EFTERVARD"], "targetGroups": ["NEW_MOTHERS"]}],
                 "situationAnalysis": {"results": "Fler besök", "contributingFactors": "Ny mottagning",
                                       "challenges": "Rekrytering", "supportNeeds": "Riktlinjer"},
                 "workforcePlan": {"periodFrom": 2025, "periodTo": 2035, "professions": ["barnmorskor"]},
                 "postpartum": {"visitSharePercent": 91.5, "referralPathsPhysical": "Bäckenbottenmottagning",
                                "referralPathsMental": "Psykolog"}}""";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
