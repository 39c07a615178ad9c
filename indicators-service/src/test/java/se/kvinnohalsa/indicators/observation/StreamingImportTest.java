package se.kvinnohalsa.indicators.observation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import streams: the client stops sending halfway and waits until PostgreSQL reports rows of this very request
 * arriving through COPY (pg_stat_progress_copy). A server that buffered the whole body first would never get there.
 */
@QuarkusTest
class StreamingImportTest {

    private static final String CODE = "STREAMING_TEST";
    private static final int ROWS = 20_000; // one period each: within indicators.import.max-periods
    private static final int PAUSE_AT = 10_000;
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

    /** Halfway through the batch: waits for the server to have copied rows. */
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

    @Test
    void rowsReachTheDatabaseBeforeTheClientHasSentTheRest() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/api/v1/indicators/" + CODE + "/observations"))
                        .header("Authorization", Api.token("registry", null)).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers
                                .ofInputStream(() -> new DailySnapshotsCsv(ROWS, 0, PAUSE_AT, this::awaitServer)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(ROWS, JsonPath.from(response.body()).getInt("created"));
        assertTrue(seenWhileSending, "rows were copied into PostgreSQL while the client was still sending the batch");
    }
}
