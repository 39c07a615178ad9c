package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, on free ports, with everything under target/.
 * Started on first use, stopped when the JVM exits.
 */
public final class Infrastructure {

    private static Infrastructure shared;

    private final Path dir;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final LocalKeys keys;

    private Infrastructure(Path dir, PostgresServer postgres, KafkaBroker kafka, LocalKeys keys) {
        this.dir = dir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    public static synchronized Infrastructure shared() {
        if (shared == null) {
            try {
                Path target = Path.of(System.getProperty("infrastructure.dir", "target"));
                Path dir = Files.createTempDirectory(Files.createDirectories(target), "infrastructure-");
                PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), 0, false);
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0, 0, "384m");
                LocalKeys keys = LocalKeys.in(dir.resolve("jwt"));
                shared = new Infrastructure(dir, postgres, kafka, keys);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test infrastructure", e);
            }
        }
        return shared;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public LocalKeys keys() {
        return keys;
    }

    public Tokens tokens() {
        return new Tokens(keys.privateKey(), LocalKeys.ISSUER);
    }

    private void shutdown() {
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
