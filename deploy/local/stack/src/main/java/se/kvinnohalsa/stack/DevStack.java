package se.kvinnohalsa.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL (55432) and Kafka (59092) on fixed ports with data under deploy/local/work: for the local stack and
 * for running one service with {@code ./mvnw quarkus:dev}. Run it with {@code deploy/local/dev-stack.sh}.
 */
public final class DevStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("allocation", "reporting", "indicators");

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final LocalKeys keys;

    private DevStack(PostgresServer postgres, KafkaBroker kafka, LocalKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    public static DevStack start(StackConfig config, boolean fresh) throws IOException {
        if (fresh) {
            deleteTree(config.workDir().resolve("postgres"));
            deleteTree(config.workDir().resolve("kafka"));
        }
        PostgresServer postgres = PostgresServer.start(config.workDir().resolve("postgres"), config.postgresPort(),
                true);
        DATABASES.forEach(postgres::createDatabase);
        KafkaBroker kafka = KafkaBroker.start(config.workDir().resolve("kafka"), config.kafkaPort(),
                config.kafkaControllerPort(), "512m");
        return new DevStack(postgres, kafka, LocalKeys.in(config.jwtDir()));
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

    @Override
    public void close() throws IOException {
        kafka.close();
        postgres.close();
    }

    /**
     * Stops what a stack runs, the services first (they hold connections to the infrastructure), then the
     * infrastructure if it was started. For exit paths: a failure to close is ignored.
     */
    public static void stop(List<ServiceProcess> services, DevStack infrastructure) {
        ServiceProcess.closeAll(services);
        if (infrastructure != null) {
            try {
                infrastructure.close();
            } catch (IOException ignored) {
                // exiting
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromEnvironment(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath());
        boolean fresh = List.of(args).contains("--fresh");
        DevStack stack = start(config, fresh);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (IOException ignored) {
                // exiting
            }
        }));
        System.out.println("PostgreSQL " + stack.postgres().jdbcUrl("<database>") + " (databases " + DATABASES + ")");
        System.out.println("Kafka " + stack.kafka().bootstrapServers());
        System.out.println("JWT public key " + stack.keys().publicKeyFile());
        System.out.println("DEV-STACK READY");
        Thread.currentThread().join();
    }
}
