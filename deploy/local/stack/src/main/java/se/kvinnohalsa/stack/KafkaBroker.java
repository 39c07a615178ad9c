package se.kvinnohalsa.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run in a child JVM on the broker's own classpath
 * (resolved by Maven at build time), so that its Scala and server libraries never mix with a service's.
 * It can be stopped and started again on the same ports and data, which the outage tests rely on.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    /**
     * System property holding the broker's process id: every handle on this broker in the JVM, whatever its class
     * loader, stops and restarts the same process.
     */
    private final String pidProperty;

    private KafkaBroker(Path dir, int port, int controllerPort, String heap) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.pidProperty = "se.kvinnohalsa.stack.kafka-" + port + ".pid";
    }

    /** A handle on a broker started elsewhere in this JVM (e.g. by another class loader). */
    static KafkaBroker attach(Path dir, int port, int controllerPort, String heap) {
        return new KafkaBroker(dir, port, controllerPort, heap);
    }

    Path dir() {
        return dir;
    }

    int controllerPort() {
        return controllerPort;
    }

    String heap() {
        return heap;
    }

    /**
     * Starts a broker with its data in dir (formatted on first use).
     *
     * @param port           client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     */
    public static KafkaBroker start(Path dir, int port, int controllerPort, String heap) throws IOException {
        KafkaBroker broker = new KafkaBroker(dir,
                port > 0 ? port : Ports.free(), controllerPort > 0 ? controllerPort : Ports.free(), heap);
        broker.format();
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return current().map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<ProcessHandle> current() {
        String pid = System.getProperty(pidProperty);
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
    }

    /** Stops the broker (as an outage would), keeping its data. */
    public synchronized void stop() {
        Optional<ProcessHandle> running = current();
        System.clearProperty(pidProperty);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle broker = running.get();
        broker.destroy();
        try {
            broker.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception notStopped) {
            broker.destroyForcibly();
        }
    }

    /**
     * Kills the broker as a crash would (SIGKILL: no controlled shutdown, nothing flushed by it), keeping its data.
     * {@link #restart()} starts it again on the same ports and log dirs.
     */
    public synchronized void kill() {
        Optional<ProcessHandle> running = current();
        System.clearProperty(pidProperty);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle broker = running.get();
        broker.destroyForcibly();
        try {
            broker.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception notGone) {
            throw new IllegalStateException("kafka broker " + broker.pid() + " survived SIGKILL", notGone);
        }
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}, on the same ports and data. */
    public synchronized void restart() throws IOException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private void format() throws IOException {
        Files.createDirectories(dir);
        Path properties = writeProperties();
        if (Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        Process format = new ProcessBuilder(command("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException("kafka storage format failed, see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting kafka storage", e);
        }
    }

    private void startProcess() throws IOException {
        Process started = new ProcessBuilder(command("kafka.Kafka", dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .start();
        System.setProperty(pidProperty, Long.toString(started.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        awaitReady();
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!isRunning()) {
                    throw new IOException("kafka broker exited, see " + dir.resolve("broker.log"));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("kafka broker not ready within " + START_TIMEOUT + ", see " + dir.resolve("broker.log"));
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                JvmOptions.java(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeProperties() throws IOException {
        String logs = dir.resolve("logs").toString();
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, properties);
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d %p %c{1} %m%n", ""));
        return file;
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        CLASSPATH_RESOURCE + " missing: build the local-stack module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
