package se.kvinnohalsa.indicators.observation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 7 for the streamed imports: a registry that retries a batch with the same Idempotency-Key gets the
 * first answer (created N, not unchanged N: nothing was loaded twice); a retry while the first batch is still
 * streaming in is 409; the same key with other rows is 422; the body keeps streaming.
 */
@QuarkusTest
class IdempotentImportTest {

    private static final String CODE = "IDEMPOTENT_TEST";
    private static final int ROWS = 2_000;
    private static final int PAUSE_AT = 1_000;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    /** Daily snapshots for region 01 (values offset by shift); halfway it waits until released. */
    private static InputStream csv(int shift, CountDownLatch paused, CountDownLatch resume) {
        return new DailySnapshotsCsv(ROWS, shift, PAUSE_AT, () -> {
            paused.countDown();
            try {
                resume.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
    }

    private HttpResponse<byte[]> post(String key, InputStream body) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/api/v1/indicators/" + CODE + "/observations"))
                        .header("Authorization", Api.token("registry", null)).header("Content-Type", "text/csv")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRetriedBatchGetsTheFirstAnswerAndLoadsNothingTwice() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("batch-1", csv(0, paused, resume));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(paused.await(60, TimeUnit.SECONDS), "the first batch is half sent");
        awaitInFlight("batch-1");
        HttpResponse<byte[]> concurrent = post("batch-1", new DailySnapshotsCsv(ROWS, 0));
        assertEquals(409, concurrent.statusCode(), new String(concurrent.body(), StandardCharsets.UTF_8));
        assertTrue(concurrent.headers().firstValue("Retry-After").isPresent());
        assertFalse(first.isDone());
        resume.countDown();

        HttpResponse<byte[]> done = first.get(60, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), new String(done.body(), StandardCharsets.UTF_8));
        assertEquals(ROWS, JsonPath.from(new String(done.body(), StandardCharsets.UTF_8)).getInt("created"));
        assertNull(done.headers().firstValue("Idempotent-Replayed").orElse(null));

        HttpResponse<byte[]> retry = post("batch-1", new DailySnapshotsCsv(ROWS, 0));
        assertEquals(200, retry.statusCode());
        assertArrayEquals(done.body(), retry.body(), "the first answer: created 2000");
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(ROWS, versionOneRows(), "every observation loaded once");

        HttpResponse<byte[]> otherRows = post("batch-1", new DailySnapshotsCsv(ROWS, 1));
        assertEquals(422, otherRows.statusCode());
        assertEquals("Idempotency-Key", JsonPath.from(new String(otherRows.body(), StandardCharsets.UTF_8))
                .getString("errors[0].field"));
        assertEquals(ROWS, versionOneRows(), "the other rows were not loaded");

        // Without a key the same batch is carried out again: it meets the rows loaded, unchanged.
        given().header("Authorization", Api.token("registry", null)).contentType("text/csv")
                .body(new DailySnapshotsCsv(ROWS, 0).readAllBytes())
                .post("/api/v1/indicators/" + CODE + "/observations")
                .then().statusCode(200).body("unchanged", org.hamcrest.Matchers.equalTo(ROWS));
    }

    @Test
    void aBatchRefusedHalfwayIsKeptWithTheWholeBodyAsItsFingerprint() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);
        String refused = "region_code,period\n01,2020-01-01\n";
        HttpResponse<byte[]> first = post("bad-header", new ByteArrayInputStream(
                refused.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, first.statusCode());
        HttpResponse<byte[]> retry = post("bad-header", new ByteArrayInputStream(
                refused.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, retry.statusCode());
        assertArrayEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    }

    private void awaitInFlight(String key) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT count(*) FROM idempotency_key WHERE idem_key = ? AND state = 'IN_FLIGHT'")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first batch did not reserve its key");
    }

    private int versionOneRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM observation WHERE indicator_code = ? AND version = 1")) {
            s.setString(1, CODE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
