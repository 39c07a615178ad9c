package se.kvinnohalsa.reporting.agreement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.PostgresServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill (issue 12, item 5): reporting-service's database connections are cut (pg_terminate_backend in a loop) while
 * 50 agreement and allocation events arrive. Every event is applied exactly once afterwards, the channel lives on
 * (a later event is applied too), liveness stays UP throughout and readiness recovers by itself. Before the fix the
 * consumer method threw, SmallRye failed the channel and nothing more was consumed until a restart.
 * Owns the years 2300-2325.
 */
@QuarkusTest
class DatabaseBlipDrillTest {

    private static final int FIRST_YEAR = 2300;
    private static final int YEARS = 25;
    private static final Duration CUT = Duration.ofSeconds(4);
    private static final Duration KILL_EVERY = Duration.ofMillis(50);
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MeterRegistry registry;

    @Test
    void everyEventIsAppliedOnceAfterTheConnectionsWereCutAndTheChannelLivesOn() throws Exception {
        // Warm up: the consumer is assigned and applies events before the drill starts.
        Api.agreement(kafka, FIRST_YEAR + YEARS, LocalDate.parse("2400-03-31"), List.of("EFTERVARD"));
        double retriesBefore = retries();
        double duplicatesBefore = consumed("duplicate");

        List<ProducerRecord<String, String>> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            AgreementChangedV1 agreement = new AgreementChangedV1(year, "Drill " + year, 1_000_000L,
                    LocalDate.of(year + 1, 3, 31), List.of(new AgreementChangedV1.Pool("POPULATION", 1_000_000L)),
                    List.of(new AgreementChangedV1.FocusArea("EFTERVARD", "Eftervård")), List.of());
            events.add(record(agreement.key(), EventJson.write(agreement), ids,
                    EventCatalog.typeOf(AgreementChangedV1.class)));
            AllocationPublishedV1 allocation = Api.allocationEvent(year, 1, Map.of("23", 1_000L + year));
            events.add(record(allocation.key(), EventJson.write(allocation), ids,
                    EventCatalog.typeOf(AllocationPublishedV1.class)));
        }

        AtomicInteger killed = new AtomicInteger();
        AtomicInteger livenessDown = new AtomicInteger();
        AtomicLong cutEnded = new AtomicLong();
        Thread cutter = new Thread(() -> cutConnections(killed, livenessDown, cutEnded), "connection-cutter");
        cutter.start();
        try (KafkaProducer<String, String> producer = producer()) {
            Thread.sleep(KILL_EVERY.toMillis() * 4); // the cutting is under way before the first event arrives
            for (ProducerRecord<String, String> event : events) {
                producer.send(event);
            }
            producer.flush();
        }
        cutter.join();

        long appliedAt = awaitApplied(ids);
        long recoveryMillis = Math.max(0, appliedAt - cutEnded.get());
        // The channel is alive: an event sent after the drill is applied as well.
        Api.agreement(kafka, FIRST_YEAR + YEARS + 1, LocalDate.parse("2400-03-31"), List.of("EFTERVARD"));
        JsonPath live = JsonPath.from(management().get("/q/health/live").then().statusCode(200).extract().asString());
        assertEquals("UP", live.getString("status"));
        long readyDeadline = System.currentTimeMillis() + APPLY_TIMEOUT.toMillis();
        while (management().get("/q/health/ready").statusCode() != 200 && System.currentTimeMillis() < readyDeadline) {
            Api.sleep(200);
        }
        JsonPath ready = JsonPath.from(management().get("/q/health/ready").then().statusCode(200).extract().asString());
        assertEquals("OK", ready.getString("checks.find { it.name == 'event-consumers' }.data.state"));

        int rows = count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'reporting-service' AND event_id = ANY (?)",
                ids);
        int agreements = count("SELECT count(*) FROM agreement WHERE year BETWEEN ? AND ? AND title LIKE 'Drill %'",
                List.of());
        int allocations = count("SELECT count(*) FROM region_allocation WHERE year BETWEEN ? AND ? AND version = 1"
                + " AND region_code = '23' AND total_sek = 1000 + year", List.of());
        double retried = retries() - retriesBefore;
        double duplicates = consumed("duplicate") - duplicatesBefore;
        System.out.printf("[drill] database blip while consuming: events %d, applied %d, lost %d, "
                + "redeliveries dropped as duplicates %.0f, backends terminated %d, consumer retries %.0f, "
                + "liveness not UP %d times, recovery after the cut %d ms%n", ids.size(), rows, ids.size() - rows,
                duplicates, killed.get(), retried, livenessDown.get(), recoveryMillis);
        assertEquals(ids.size(), rows, "every event recorded as applied, once (primary key)");
        assertEquals(YEARS, agreements, "every agreement.changed applied");
        assertEquals(YEARS, allocations, "every allocation.published applied");
        assertTrue(killed.get() > 0, "the drill did cut connections");
        assertTrue(retried > 0, "the consumer met the cut and retried");
        assertEquals(0, livenessDown.get(), "liveness stayed UP while the consumer retried");
    }

    /** pg_terminate_backend on every reporting connection, every 50 ms for 4 s; liveness polled meanwhile. */
    private static void cutConnections(AtomicInteger killed, AtomicInteger livenessDown, AtomicLong ended) {
        long until = System.nanoTime() + CUT.toNanos();
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            while (System.nanoTime() < until) {
                try (ResultSet terminated = statement.executeQuery("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = 'reporting' AND pid <> pg_backend_pid()""")) {
                    terminated.next();
                    killed.addAndGet(terminated.getInt(1));
                }
                if (management().get("/q/health/live").statusCode() != 200) {
                    livenessDown.incrementAndGet();
                }
                Thread.sleep(KILL_EVERY.toMillis());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.set(System.currentTimeMillis());
        }
    }

    private static long awaitApplied(List<String> ids) throws SQLException {
        long deadline = System.currentTimeMillis() + APPLY_TIMEOUT.toMillis();
        String query = "SELECT count(*) FROM processed_event WHERE consumer = 'reporting-service' AND event_id = ANY (?)";
        while (count(query, ids) < ids.size() && System.currentTimeMillis() < deadline) {
            Api.sleep(100);
        }
        return System.currentTimeMillis();
    }

    private static int count(String sql, List<String> ids) throws SQLException {
        try (Connection c = DriverManager.getConnection(Infrastructure.shared().postgres().jdbcUrl("reporting"),
                PostgresServer.USER, PostgresServer.PASSWORD); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("ANY")) {
                s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            } else {
                s.setInt(1, FIRST_YEAR);
                s.setInt(2, FIRST_YEAR + YEARS - 1);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Health is on the management interface, not the API port. */
    private static RequestSpecification management() {
        return given().port(URI.create(TestHTTPResourceManager.getManagementUri()).getPort());
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(Infrastructure.shared().postgres().jdbcUrl("postgres"), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    private double consumed(String result) {
        return registry.find("events.consumed").tag("consumer", "reporting-service").tag("result", result).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private double retries() {
        return registry.find("events.retried").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static ProducerRecord<String, String> record(String key, String value, List<String> ids, String type) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        ProducerRecord<String, String> record = new ProducerRecord<>("allocation-events", key, value);
        KafkaProbe.cloudEventHeaders(id, type)
                .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new StringSerializer());
    }
}
