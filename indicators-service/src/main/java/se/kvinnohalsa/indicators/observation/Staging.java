package se.kvinnohalsa.indicators.observation;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A batch's valid rows in a temporary table of the import's transaction, streamed in with COPY, then compared with
 * the stored observations and merged set-wise. Nothing of the batch is held in memory beyond one COPY buffer.
 */
final class Staging {

    private static final int FLUSH_CHARS = 256 * 1024;
    static final String REGISTRY = "REGISTRY";

    private final Connection connection;
    private final String indicatorCode;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
    private CopyIn copy;

    Staging(Connection connection, String indicatorCode) throws SQLException {
        this.connection = connection;
        this.indicatorCode = indicatorCode;
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE import_staging (
                        row_no bigint NOT NULL, region_code varchar(2) NOT NULL, period_start date NOT NULL,
                        period_end date NOT NULL, group_code varchar(50) NOT NULL, value numeric(12, 3) NOT NULL,
                        numerator bigint, denominator bigint, clinic_min numeric(12, 3), clinic_max numeric(12, 3),
                        change char(1)) ON COMMIT DROP""");
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY import_staging (row_no, region_code, period_start, period_end, group_code, value, numerator,"
                        + " denominator, clinic_min, clinic_max) FROM STDIN (FORMAT csv)");
    }

    /** Fields are validated codes, dates and numbers: nothing that CSV would need to quote. Empty = NULL. */
    void add(ValidRow row) throws SQLException {
        buffer.append(row.row()).append(',').append(row.regionCode()).append(',').append(row.period().start())
                .append(',').append(row.period().end()).append(',').append(row.group()).append(',')
                .append(row.value().toPlainString()).append(',').append(text(row.numerator())).append(',')
                .append(text(row.denominator())).append(',')
                .append(row.clinicMin() == null ? "" : row.clinicMin().toPlainString()).append(',')
                .append(row.clinicMax() == null ? "" : row.clinicMax().toPlainString()).append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Ends the COPY; the connection is free for other statements after this. */
    void finish() throws SQLException {
        if (!buffer.isEmpty()) {
            flush();
        }
        copy.endCopy();
        copy = null;
    }

    /** Gives up a COPY in progress (the transaction is rolled back anyway). */
    void abort() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction is being rolled back
            }
        }
    }

    /** Rows that share region, period and group with another row of the batch: all of them, with their partners. */
    List<long[]> duplicates() throws SQLException {
        List<long[]> groups = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT array_agg(row_no ORDER BY row_no) FROM import_staging
                        GROUP BY region_code, period_start, group_code HAVING count(*) > 1""")) {
            while (rs.next()) {
                Long[] rows = (Long[]) rs.getArray(1).getArray();
                groups.add(Arrays.stream(rows).mapToLong(Long::longValue).toArray());
            }
        }
        if (!groups.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        DELETE FROM import_staging s USING (
                            SELECT region_code, period_start, group_code FROM import_staging
                            GROUP BY region_code, period_start, group_code HAVING count(*) > 1) d
                        WHERE s.region_code = d.region_code AND s.period_start = d.period_start
                          AND s.group_code = d.group_code""");
            }
        }
        return groups;
    }

    record Counts(int created, int updated, int unchanged) {
    }

    /** Marks each staged row C(reated), U(pdated) or N (unchanged) against the stored registry values. */
    Counts classify() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE import_staging SET change = 'C'");
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE import_staging s SET change = CASE WHEN
                    (o.value, o.numerator, o.denominator, o.clinic_min, o.clinic_max, o.period_end)
                    IS NOT DISTINCT FROM (s.value, s.numerator, s.denominator, s.clinic_min, s.clinic_max, s.period_end)
                    THEN 'N' ELSE 'U' END
                FROM observation o
                WHERE o.indicator_code = ? AND o.origin = 'REGISTRY' AND o.period_start = s.period_start
                  AND o.group_code = s.group_code AND o.region_code = s.region_code""")) {
            statement.setString(1, indicatorCode);
            statement.executeUpdate();
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT change, count(*) FROM import_staging GROUP BY change")) {
            while (rs.next()) {
                switch (rs.getString(1)) {
                    case "C" -> created = rs.getInt(2);
                    case "U" -> updated = rs.getInt(2);
                    default -> unchanged = rs.getInt(2);
                }
            }
        }
        return new Counts(created, updated, unchanged);
    }

    /** Stores the created and updated rows; every replaced version goes to the history first. */
    void apply(String batchId, String loadedBy, Instant loadedAt) throws SQLException {
        Timestamp at = Timestamp.from(loadedAt);
        try (PreparedStatement history = connection.prepareStatement("""
                INSERT INTO observation_history (indicator_code, region_code, period_start, period_end, group_code,
                    origin, value, numerator, denominator, clinic_min, clinic_max, version, batch_id, loaded_by,
                    loaded_at, superseded_at, superseded_by)
                SELECT o.indicator_code, o.region_code, o.period_start, o.period_end, o.group_code, o.origin, o.value,
                       o.numerator, o.denominator, o.clinic_min, o.clinic_max, o.version, o.batch_id, o.loaded_by,
                       o.loaded_at, ?, ?
                FROM observation o JOIN import_staging s
                  ON o.period_start = s.period_start AND o.group_code = s.group_code AND o.region_code = s.region_code
                WHERE o.indicator_code = ? AND o.origin = 'REGISTRY' AND s.change = 'U'""")) {
            history.setTimestamp(1, at);
            history.setString(2, batchId);
            history.setString(3, indicatorCode);
            history.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE observation o SET period_end = s.period_end, value = s.value, numerator = s.numerator,
                    denominator = s.denominator, clinic_min = s.clinic_min, clinic_max = s.clinic_max,
                    version = o.version + 1, batch_id = ?, loaded_by = ?, loaded_at = ?
                FROM import_staging s
                WHERE o.indicator_code = ? AND o.origin = 'REGISTRY' AND o.period_start = s.period_start
                  AND o.group_code = s.group_code AND o.region_code = s.region_code AND s.change = 'U'""")) {
            update.setString(1, batchId);
            update.setString(2, loadedBy);
            update.setTimestamp(3, at);
            update.setString(4, indicatorCode);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO observation (indicator_code, region_code, period_start, period_end, group_code, origin,
                    value, numerator, denominator, clinic_min, clinic_max, version, batch_id, loaded_by, loaded_at)
                SELECT ?, region_code, period_start, period_end, group_code, 'REGISTRY', value, numerator,
                       denominator, clinic_min, clinic_max, 1, ?, ?, ?
                FROM import_staging WHERE change = 'C'""")) {
            insert.setString(1, indicatorCode);
            insert.setString(2, batchId);
            insert.setString(3, loadedBy);
            insert.setTimestamp(4, at);
            insert.executeUpdate();
        }
    }

    /** The periods (canonical text) and region codes of the rows that changed, sorted. */
    List<List<String>> changedPeriodsAndRegions() throws SQLException {
        TreeSet<String> periods = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        """
                                SELECT DISTINCT period_start, period_end, region_code FROM import_staging WHERE change IN ('C', 'U')""")) {
            while (rs.next()) {
                periods.add(rs.getDate(1).toLocalDate() + "/" + rs.getDate(2).toLocalDate());
                regions.add(rs.getString(3));
            }
        }
        return List.of(new ArrayList<>(periods), new ArrayList<>(regions));
    }
}
