package se.kvinnohalsa.stack.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Generated registry rows for a SNAPSHOT indicator, streamed (never held whole): the 21 regions and SE in each of
 * {@link #GROUPS} on consecutive dates, with numerator and denominator. The groups keep the number of dates (periods)
 * of a million rows within what one batch may hold (indicators-service's {@code indicators.import.max-periods}). The same rows come out as the import's CSV ({@link #importCsv}) and as the
 * observation table's columns for psql's \copy ({@link #tableCsv}), so that the two sides of P3 load the same data;
 * indicators-service's ImportBenchmark streams the same rows.
 */
public final class GeneratedObservations extends InputStream {

    static final String[] CODES = {"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18",
            "19", "20", "21", "22", "23", "24", "25", "SE"};
    /** The groups the generated indicator must define. */
    public static final List<String> GROUPS = List.of("ALL", "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9");
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final int MIN_DENOMINATOR = 1000;
    private static final int DENOMINATOR_SPREAD = 9000;
    private static final int MIN_SHARE = 80;
    private static final int SHARE_SPREAD = 20;
    private static final int PERCENT = 100;
    private static final int PER_MILLE = 1000;

    private final int rows;
    private final boolean table;
    private final String indicator;
    private byte[] line;
    private int position;
    private int row;

    private GeneratedObservations(int rows, boolean table, String indicator, String header) {
        this.rows = rows;
        this.table = table;
        this.indicator = indicator;
        this.line = header.getBytes(StandardCharsets.US_ASCII);
    }

    /** The import's CSV: region_code,period,group,value,numerator,denominator. */
    public static GeneratedObservations importCsv(int rows) {
        return new GeneratedObservations(rows, false, null, "region_code,period,group,value,numerator,denominator\n");
    }

    /** The observation table's columns in order, no header, for {@code \copy ... WITH (FORMAT csv)}. */
    static GeneratedObservations tableCsv(int rows, String indicator) {
        return new GeneratedObservations(rows, true, indicator, "");
    }

    @Override
    public int read() {
        if (position == line.length && !nextLine()) {
            return -1;
        }
        return line[position++];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            if (position == line.length && !nextLine()) {
                break;
            }
            int chunk = Math.min(length - n, line.length - position);
            System.arraycopy(line, position, buffer, offset + n, chunk);
            position += chunk;
            n += chunk;
        }
        return n == 0 ? -1 : n;
    }

    private boolean nextLine() {
        if (row == rows) {
            return false;
        }
        String region = CODES[row % CODES.length];
        String group = GROUPS.get(row / CODES.length % GROUPS.size());
        LocalDate day = FIRST_DAY.plusDays(row / (CODES.length * GROUPS.size()));
        long denominator = MIN_DENOMINATOR + (row * 7L) % DENOMINATOR_SPREAD;
        long numerator = denominator * (MIN_SHARE + row % SHARE_SPREAD) / PERCENT;
        String value = BigDecimal.valueOf(numerator * PER_MILLE / denominator, 1).toPlainString();
        String text = table
                // indicator_code, region_code, period_start, period_end, group_code, origin, value, numerator,
                // denominator, clinic_min, clinic_max, version, batch_id, loaded_by, loaded_at
                ? String.join(",", indicator, region, day.toString(), day.toString(), group, "REGISTRY", value,
                        Long.toString(numerator), Long.toString(denominator), "", "", "1", "bench", "bench",
                        "2026-01-01T00:00:00Z")
                : String.join(",", region, day.toString(), group, value, Long.toString(numerator),
                        Long.toString(denominator));
        line = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        position = 0;
        row++;
        return true;
    }
}
