package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, on free ports, with everything under target/.
 * Started on first use, stopped when the JVM exits. Quarkus loads test resources and test classes through
 * different class loaders, so the state lives in system properties (strings only): every class loader
 * gets a handle on the same servers.
 */
public record Infrastructure(PostgresServer postgres, KafkaBroker kafka, LocalKeys keys) {

    private static final String STATE = "se.kvinnohalsa.stack.infrastructure";
    private static final String KAFKA_HEAP = "384m";

    public static Infrastructure shared() {
        // Class-loader independent lock: the interned string is one object per JVM.
        synchronized (STATE.intern()) {
            if (System.getProperty(STATE + ".dir") == null) {
                start();
            }
            Path dir = Path.of(System.getProperty(STATE + ".dir"));
            return new Infrastructure(
                    PostgresServer.attach(Integer.getInteger(STATE + ".postgresPort"), dir.resolve("postgres")),
                    KafkaBroker.attach(dir.resolve("kafka"), Integer.getInteger(STATE + ".kafkaPort"),
                            Integer.getInteger(STATE + ".kafkaControllerPort"), KAFKA_HEAP),
                    LocalKeys.in(dir.resolve("jwt")));
        }
    }

    private static void start() {
        try {
            Path target = Path.of(System.getProperty("infrastructure.dir", "target")).toAbsolutePath();
            Path dir = Files.createTempDirectory(Files.createDirectories(target), "infrastructure-");
            PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), 0, false);
            KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0, 0, KAFKA_HEAP);
            LocalKeys.in(dir.resolve("jwt"));
            System.setProperty(STATE + ".postgresPort", Integer.toString(postgres.port()));
            System.setProperty(STATE + ".kafkaPort", Integer.toString(kafka.port()));
            System.setProperty(STATE + ".kafkaControllerPort", Integer.toString(kafka.controllerPort()));
            System.setProperty(STATE + ".dir", dir.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(dir, postgres, kafka)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test infrastructure", e);
        }
    }

    public Tokens tokens() {
        return new Tokens(keys.privateKey(), LocalKeys.ISSUER, LocalKeys.AUDIENCE);
    }

    private static void shutdown(Path dir, PostgresServer postgres, KafkaBroker kafka) {
        kafka.close();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the folder goes below
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it lives under target/
        }
    }
}
