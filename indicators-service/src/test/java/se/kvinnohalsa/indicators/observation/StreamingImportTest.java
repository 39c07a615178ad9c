package se.kvinnohalsa.indicators.observation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import streams: the client stops sending halfway and waits until PostgreSQL reports rows of this very request
 * arriving through COPY (pg_stat_progress_copy). A server that buffered the whole body first would never get there.
 */
@QuarkusTest
class StreamingImportTest {

    private static final String CODE = "STREAMING_TEST";
    private static final int ROWS = 40_000;
    private static final int PAUSE_AT = 20_000;
    private static final long WAIT_MILLIS = 30_000;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    private volatile boolean seenWhileSending;

    private long copiedRows() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT coalesce(max(tuples_processed), 0) FROM pg_stat_progress_copy WHERE command = 'COPY FROM'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Daily snapshots for region 01; halfway it waits for the server to have copied rows. */
    private final class PausingCsv extends InputStream {
        private byte[] line = "region_code,period,value\n".getBytes(StandardCharsets.US_ASCII);
        private int position;
        private int row;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == line.length) {
                if (row == ROWS) {
                    return -1;
                }
                if (row == PAUSE_AT) {
                    awaitServer();
                }
                line = ("01," + LocalDate.of(1900, 1, 1).plusDays(row) + "," + (row % 100) + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                position = 0;
                row++;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private void awaitServer() throws IOException {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                if (copiedRows() > 0) {
                    seenWhileSending = true;
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            // Send the rest anyway, so that the request completes and the assertion below explains the failure.
        }
    }

    @Test
    void rowsReachTheDatabaseBeforeTheClientHasSentTheRest() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/api/v1/indicators/" + CODE + "/observations"))
                        .header("Authorization", Api.token("registry", null)).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(PausingCsv::new)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(ROWS, JsonPath.from(response.body()).getInt("created"));
        assertTrue(seenWhileSending, "rows were copied into PostgreSQL while the client was still sending the batch");
    }
}
