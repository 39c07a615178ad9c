package se.kvinnohalsa.stack.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventHeaders;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.support.outbox.Outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service shows on its own real PostgreSQL database and the real Kafka broker: an event of its own type,
 * written through its outbox, reaches its own topic as a CloudEvent and is marked sent in its database once the broker
 * acknowledged it; readiness checks the database and the outbox; every response carries the caller's request id.
 * A service's {@code InfrastructureRoundTripTest} is a {@code @QuarkusTest} that extends this and names its event.
 */
public abstract class InfrastructureRoundTrip {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final Duration SENT_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    /** An event of the type this service publishes (so it goes to this service's own topic). */
    protected abstract DomainEvent ownEvent();

    @Test
    void writesToItsDatabaseAndRoundTripsAnEventThroughKafka() {
        Config config = ConfigProvider.getConfig();
        DomainEvent event = ownEvent();
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(event));
        assertTrue(sent(config, id).isPresent(), "written to the service's own database");

        List<ConsumerRecord<String, String>> received = new KafkaProbe(
                config.getValue("kafka.bootstrap.servers", String.class)).read(event.topic(),
                        r -> id.toString().equals(KafkaProbe.header(r, EventHeaders.ID)), r -> !r.isEmpty(),
                        KAFKA_WAIT);
        assertEquals(1, received.size(), "the event reached the service's own topic " + event.topic());
        ConsumerRecord<String, String> record = received.get(0);
        assertEquals(event.key(), record.key());
        assertEquals(event.type(), KafkaProbe.header(record, EventHeaders.TYPE));
        assertEquals("/" + config.getValue("quarkus.application.name", String.class),
                KafkaProbe.header(record, EventHeaders.SOURCE));

        await("marked sent after the broker acknowledged").atMost(SENT_WAIT).pollInterval(POLL)
                .until(() -> sent(config, id).orElseThrow());
    }

    /** Health is on the management interface (its own port), not the API port. */
    @Test
    void healthChecksTheDatabaseAndKafka() {
        given().port(URI.create(TestHTTPResourceManager.getManagementUri()).getPort())
                .when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
    }

    @Test
    void everyResponseEchoesTheCallersRequestId() {
        given().header("X-Request-Id", "req-test-1")
                .when().post("/admin/outbox/replay")
                .then().statusCode(401).header("X-Request-Id", "req-test-1");
    }

    /** Whether the outbox row is marked sent, read with plain JDBC from the service's database; empty: no row. */
    private static Optional<Boolean> sent(Config config, UUID id) {
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement query = connection
                        .prepareStatement("SELECT sent_at IS NOT NULL FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the outbox of " + config.getValue("quarkus.datasource.jdbc.url",
                            String.class),
                    e);
        }
    }
}
