package se.kvinnohalsa.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureTest {

    @Test
    void postgresSurvivesASigkillOfABackendAndOfThePostmasterWithEveryCommittedRow() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres();
        postgres.createDatabase("crash_check");
        String url = postgres.jdbcUrl("crash_check");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v integer)");
            s.execute("INSERT INTO t VALUES (1)");
            long backend;
            try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            long postmaster = postgres.postmasterPid().orElseThrow();
            postgres.killBackend(backend);
            postgres.awaitConnections(Duration.ofSeconds(60));
            assertEquals(postmaster, postgres.postmasterPid().orElseThrow(), "recovered by the same postmaster");
        }
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (2)");
        }
        postgres.crash();
        assertTrue(postgres.postmasterPid().isEmpty());
        assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD).close());
        postgres.restart(Duration.ofSeconds(60));
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT array_agg(v ORDER BY v)::text FROM t")) {
            rs.next();
            assertEquals("{1,2}", rs.getString(1), "every committed row, on the same port");
        }
    }

    @Test
    void postgresStoresAndReadsRows() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres();
        postgres.createDatabase("stack_check");
        postgres.createDatabase("stack_check"); // idempotent
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("stack_check"), PostgresServer.USER,
                PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v text)");
            s.execute("INSERT INTO t VALUES ('ä-ö')");
            try (ResultSet rs = s.executeQuery("SELECT v, current_setting('server_version_num')::int FROM t")) {
                assertTrue(rs.next());
                assertEquals("ä-ö", rs.getString(1));
                assertTrue(rs.getInt(2) >= 170000, "PostgreSQL 17 or newer");
            }
        }
    }

    @Test
    void kafkaSurvivesARestartWithItsData() throws Exception {
        KafkaBroker kafka = Infrastructure.shared().kafka();
        String topic = "stack-check-" + UUID.randomUUID();
        send(kafka, topic, "before");
        kafka.restart();
        send(kafka, topic, "after");
        assertEquals(List.of("before", "after"), readAll(kafka, topic, 2));
    }

    @Test
    void brokerIsTheKafkaClientsVersionThatQuarkusPins() {
        // kafka-clients comes from the Quarkus BOM; the broker's version is the kafka.version property of the pom.
        String classpath = read("kafka-broker.classpath");
        assertTrue(classpath.contains("kafka_2.13-" + AppInfoParser.getVersion() + ".jar"), classpath);
    }

    @Test
    void tokensCarryTheContractClaims() {
        String token = Infrastructure.shared().tokens().issue("reporter", "23");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains("\"region\":\"23\""), payload);
        assertTrue(payload.contains("\"groups\":[\"reporter\"]"), payload);
        assertTrue(payload.contains(LocalKeys.ISSUER), payload);
    }

    private static void send(KafkaBroker kafka, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> readAll(KafkaBroker kafka, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static String read(String resource) {
        try (var in = KafkaBroker.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
