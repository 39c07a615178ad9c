package se.kvinnohalsa.indicators.observation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A CSV batch of daily snapshots for region 01, made row by row while it is sent (never held whole), that stops once
 * at a given row until its {@link Pause} returns: the import tests hold a request halfway through its body with it.
 */
final class DailySnapshotsCsv extends InputStream {

    /** What happens before the row at {@code pauseAt} is sent. */
    @FunctionalInterface
    interface Pause {
        void await() throws IOException;
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final int PERCENT = 100;

    private final int rows;
    private final int shift;
    private final int pauseAt;
    private final Pause pause;
    private byte[] line = "region_code,period,value\n".getBytes(StandardCharsets.US_ASCII);
    private int position;
    private int row;

    /**
     * @param shift   added to every value, so that two batches of the same periods differ
     * @param pauseAt the row before which {@code pause} runs
     * @param pause   null to send straight through
     */
    DailySnapshotsCsv(int rows, int shift, int pauseAt, Pause pause) {
        this.rows = rows;
        this.shift = shift;
        this.pauseAt = pauseAt;
        this.pause = pause;
    }

    /** Sent straight through. */
    DailySnapshotsCsv(int rows, int shift) {
        this(rows, shift, -1, null);
    }

    @Override
    public int read() throws IOException {
        return nextLineIfDone() ? line[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!nextLineIfDone()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** False once every row is sent. */
    private boolean nextLineIfDone() throws IOException {
        if (position < line.length) {
            return true;
        }
        if (row == rows) {
            return false;
        }
        if (row == pauseAt && pause != null) {
            pause.await();
        }
        line = ("01," + FIRST_DAY.plusDays(row) + "," + ((row + shift) % PERCENT) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        position = 0;
        row++;
        return true;
    }
}
