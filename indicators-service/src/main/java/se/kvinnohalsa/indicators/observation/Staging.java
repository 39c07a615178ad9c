package se.kvinnohalsa.indicators.observation;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.sql.Array;
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

/**
 * A batch's valid rows in a temporary table of the import's transaction, streamed in with COPY as they are
 * validated, then merged with the stored observations set-wise: one statement stores the new rows, updates the
 * changed ones and moves their old versions to the history. Nothing of the batch is held in memory beyond one COPY
 * buffer.
 */
final class Staging {

    /** Bytes written to COPY at once: large enough that a write is rare, small enough to stay out of the old gen. */
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Room for one row in the buffer: every field is at most RowRules.MAX_FIELD_LENGTH characters, 10 fields. */
    private static final int ROW_BYTES = 16 * RowRules.MAX_FIELD_LENGTH;
    private static final byte SEPARATOR = ',';
    private static final byte END_OF_ROW = '\n';
    /** ISO dates in the staged rows: yyyy-mm-dd. */
    private static final int DATE_CHARS = 10;

    /** Whether a stored row and a staged row differ in anything but their key (the row's version changes then). */
    private static final String DIFFERS = """
            (o.value, o.numerator, o.denominator, o.clinic_min, o.clinic_max, o.period_end)
            IS DISTINCT FROM (s.value, s.numerator, s.denominator, s.clinic_min, s.clinic_max, s.period_end)""";
    private static final String SAME_KEY = """
            o.indicator_code = ? AND o.origin = 'REGISTRY' AND o.period_start = s.period_start
            AND o.group_code = s.group_code AND o.region_code = s.region_code""";

    private final Connection connection;
    private final String indicatorCode;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int used;
    private CopyIn copy;
    private long staged;

    Staging(Connection connection, String indicatorCode) throws SQLException {
        this.connection = connection;
        this.indicatorCode = indicatorCode;
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE import_staging (
                        row_no bigint NOT NULL, region_code varchar(2) NOT NULL, period_start date NOT NULL,
                        period_end date NOT NULL, group_code varchar(50) NOT NULL, value numeric(12, 3) NOT NULL,
                        numerator bigint, denominator bigint, clinic_min numeric(12, 3), clinic_max numeric(12, 3))
                    ON COMMIT DROP""");
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY import_staging (row_no, region_code, period_start, period_end, group_code, value, numerator,"
                        + " denominator, clinic_min, clinic_max) FROM STDIN (FORMAT csv)");
    }

    /**
     * Appends one valid row as a CSV line, written straight into the COPY buffer. Fields are validated codes, dates
     * and numbers: nothing that CSV would need to quote. Empty = NULL.
     */
    void add(ValidRow row) throws SQLException {
        if (used + ROW_BYTES > BUFFER_BYTES) {
            flush();
        }
        number(row.row());
        ascii(row.regionCode());
        date(row.period().start().getYear(), row.period().start().getMonthValue(),
                row.period().start().getDayOfMonth());
        date(row.period().end().getYear(), row.period().end().getMonthValue(), row.period().end().getDayOfMonth());
        ascii(row.group());
        decimal(row.value());
        number(row.numerator());
        number(row.denominator());
        decimal(row.clinicMin());
        decimal(row.clinicMax());
        buffer[used - 1] = END_OF_ROW;
    }

    private void number(Long value) {
        if (value != null) {
            number(value.longValue());
        } else {
            buffer[used++] = SEPARATOR;
        }
    }

    private void number(long value) {
        if (value == 0) {
            buffer[used++] = '0';
        } else {
            // Non-negative (validated); digits backwards into place.
            int digits = 0;
            for (long v = value; v > 0; v /= 10) {
                digits++;
            }
            long v = value;
            for (int i = used + digits - 1; i >= used; i--) {
                buffer[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            used += digits;
        }
        buffer[used++] = SEPARATOR;
    }

    private void date(int year, int month, int day) {
        int at = used;
        buffer[at] = (byte) ('0' + year / 1000 % 10);
        buffer[at + 1] = (byte) ('0' + year / 100 % 10);
        buffer[at + 2] = (byte) ('0' + year / 10 % 10);
        buffer[at + 3] = (byte) ('0' + year % 10);
        buffer[at + 4] = '-';
        buffer[at + 5] = (byte) ('0' + month / 10);
        buffer[at + 6] = (byte) ('0' + month % 10);
        buffer[at + 7] = '-';
        buffer[at + 8] = (byte) ('0' + day / 10);
        buffer[at + 9] = (byte) ('0' + day % 10);
        buffer[at + DATE_CHARS] = SEPARATOR;
        used += DATE_CHARS + 1;
    }

    private void decimal(BigDecimal value) {
        if (value != null) {
            ascii(value.toPlainString());
        } else {
            buffer[used++] = SEPARATOR;
        }
    }

    /** Validated codes and numbers: ASCII, so one byte per char. */
    private void ascii(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            buffer[used + i] = (byte) text.charAt(i);
        }
        used += length;
        buffer[used++] = SEPARATOR;
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    /** Ends the COPY; the connection is free for other statements after this. */
    void finish() throws SQLException {
        flush();
        staged = copy.endCopy();
        copy = null;
        // A temporary table has no statistics until it is analyzed: without them the planner guesses its size and
        // may join it row by row; a sample of it is enough to choose hash joins for the checks and the merge.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE import_staging");
        }
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

    /**
     * Rows that share region, period and group with another row of the batch: all of them, with their partners.
     * They are taken out of the staged rows.
     */
    List<long[]> duplicates() throws SQLException {
        List<long[]> groups = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT array_agg(row_no ORDER BY row_no) FROM import_staging
                        GROUP BY region_code, period_start, group_code HAVING count(*) > 1""")) {
            while (rs.next()) {
                Long[] rows = (Long[]) rs.getArray(1).getArray();
                groups.add(Arrays.stream(rows).mapToLong(Long::longValue).toArray());
                staged -= rows.length;
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

    /** What the merge would do, without doing it (dryRun): one pass over the staged rows. */
    Counts count() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE o.region_code IS NULL),
                       count(*) FILTER (WHERE o.region_code IS NOT NULL AND %s)
                FROM import_staging s LEFT JOIN observation o ON %s""".formatted(DIFFERS, SAME_KEY))) {
            statement.setString(1, indicatorCode);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return counts(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private Counts counts(long created, long updated) {
        return new Counts((int) created, (int) updated, (int) (staged - created - updated));
    }

    /**
     * What one merge did: its counts, and the periods (canonical text) and region codes of the rows it created or
     * changed, sorted.
     */
    record Merged(Counts counts, List<String> periods, List<String> regionCodes) {
    }

    /**
     * Stores the new rows and the changed ones in one statement; every replaced version goes to the history. The
     * parts of a statement all see the data as it was before it, so the history gets the old values and "new" means
     * not stored before this batch.
     */
    Merged merge(String batchId, String loadedBy, Instant loadedAt) throws SQLException {
        Timestamp at = Timestamp.from(loadedAt);
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH history AS (
                    INSERT INTO observation_history (indicator_code, region_code, period_start, period_end,
                        group_code, origin, value, numerator, denominator, clinic_min, clinic_max, version, batch_id,
                        loaded_by, loaded_at, superseded_at, superseded_by)
                    SELECT o.indicator_code, o.region_code, o.period_start, o.period_end, o.group_code, o.origin,
                           o.value, o.numerator, o.denominator, o.clinic_min, o.clinic_max, o.version, o.batch_id,
                           o.loaded_by, o.loaded_at, ?, ?
                    FROM observation o JOIN import_staging s ON %2$s
                    WHERE %1$s
                ), updated AS (
                    UPDATE observation o SET period_end = s.period_end, value = s.value, numerator = s.numerator,
                        denominator = s.denominator, clinic_min = s.clinic_min, clinic_max = s.clinic_max,
                        version = o.version + 1, batch_id = ?, loaded_by = ?, loaded_at = ?
                    FROM import_staging s
                    WHERE %2$s AND %1$s
                    RETURNING s.period_start, s.period_end, s.region_code
                ), created AS (
                    INSERT INTO observation (indicator_code, region_code, period_start, period_end, group_code,
                        origin, value, numerator, denominator, clinic_min, clinic_max, version, batch_id, loaded_by,
                        loaded_at)
                    SELECT ?, s.region_code, s.period_start, s.period_end, s.group_code, 'REGISTRY', s.value,
                           s.numerator, s.denominator, s.clinic_min, s.clinic_max, 1, ?, ?, ?
                    FROM import_staging s
                    WHERE NOT EXISTS (SELECT 1 FROM observation o WHERE %2$s)
                    RETURNING period_start, period_end, region_code
                ), changed AS (
                    SELECT * FROM updated UNION ALL SELECT * FROM created
                )
                SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM created),
                       (SELECT array_agg(period_start || '/' || period_end ORDER BY period_start, period_end) FROM (
                            SELECT DISTINCT period_start, period_end FROM changed) periods),
                       (SELECT array_agg(r ORDER BY r COLLATE "C") FROM (
                            SELECT DISTINCT region_code AS r FROM changed) regions)""".formatted(DIFFERS, SAME_KEY))) {
            int i = 0;
            statement.setTimestamp(++i, at);
            statement.setString(++i, batchId);
            statement.setString(++i, indicatorCode);
            statement.setString(++i, batchId);
            statement.setString(++i, loadedBy);
            statement.setTimestamp(++i, at);
            statement.setString(++i, indicatorCode);
            statement.setString(++i, indicatorCode);
            statement.setString(++i, batchId);
            statement.setString(++i, loadedBy);
            statement.setTimestamp(++i, at);
            statement.setString(++i, indicatorCode);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Merged(counts(rs.getLong(2), rs.getLong(1)), texts(rs.getArray(3)), texts(rs.getArray(4)));
            }
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
