package se.kvinnohalsa.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 7: a regional system that retries a submission or review after a timeout, with the same
 * Idempotency-Key, gets the first answer again and nothing happens twice. Owns the year 2340.
 */
@QuarkusTest
class IdempotentSubmissionTest {

    private static final int YEAR = 2340;
    private static final String SUBMITTED = "se.kvinnohalsa.report.submitted.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String path(String region, String action) {
        return "/api/v1/reports/" + YEAR + "/" + region + "/" + action;
    }

    private static void draft(String region) {
        Api.reporter(region).body(Api.json(Api.report(Map.of("EFTERVARD", 700L), null)))
                .put("/api/v1/reports/" + YEAR + "/" + region).then().statusCode(201);
    }

    @Test
    void aRetriedSubmissionGetsTheFirstAnswerAndSubmitsOnce() throws Exception {
        Api.agreement(kafka, YEAR, LocalDate.parse("2341-03-31"), List.of("EFTERVARD"));
        draft("23");

        Response first = Api.reporter("23").header("Idempotency-Key", "\"sub-23-a\"").post(path("23", "submission"));
        first.then().statusCode(200);
        Response retry = Api.reporter("23").header("Idempotency-Key", "sub-23-a").post(path("23", "submission"));
        retry.then().statusCode(200);
        assertArrayEquals(first.asByteArray(), retry.asByteArray(), "the same body, byte for byte");
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.header("Content-Type"), retry.header("Content-Type"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertNotEquals(first.header("X-Request-Id"), retry.header("X-Request-Id"), "each exchange has its own id");
        assertEquals(1, submittedEvents("23"), "one submission, one report.submitted in the outbox");

        // The board returns it; a late retry of the first submission still only repeats its answer.
        Response review = Api.admin().header("Idempotency-Key", "review-23").body("{\"decision\": \"RETURN\", "
                + "\"comment\": \"Komplettera\"}").post(path("23", "review"));
        review.then().statusCode(200);
        Api.reporter("23").header("Idempotency-Key", "sub-23-a").post(path("23", "submission")).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
        assertEquals("RETURNED", status("23"), "nothing was submitted again");
        assertEquals(1, submittedEvents("23"));

        // The same review again: its first answer; the same key with another decision: 422 naming the header.
        Response reviewAgain = Api.admin().header("Idempotency-Key", "review-23").body("{\"decision\": \"RETURN\", "
                + "\"comment\": \"Komplettera\"}").post(path("23", "review"));
        assertArrayEquals(review.asByteArray(), reviewAgain.then().statusCode(200).extract().asByteArray());
        Api.admin().header("Idempotency-Key", "review-23").body("{\"decision\": \"ACCEPT\"}")
                .post(path("23", "review")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        // The same key on another path is another request too.
        Api.reporter("23").header("Idempotency-Key", "review-23").post(path("23", "submission")).then()
                .statusCode(200);
        assertEquals("SUBMITTED", status("23"), "the reporter's key review-23 is the reporter's own: carried out");
        assertEquals(2, submittedEvents("23"));
    }

    @Test
    void keysBelongToTheirCallerAndBadKeysAreRefused() {
        Api.agreement(kafka, YEAR, LocalDate.parse("2341-03-31"), List.of("EFTERVARD"));
        draft("24");
        Response reporters = Api.reporter("24").header("Idempotency-Key", "shared-key").post(path("24", "submission"));
        reporters.then().statusCode(200);
        // An admin using the same key string is not given the reporter's answer: the request is carried out, and
        // meets the report submitted already.
        Api.admin().header("Idempotency-Key", "shared-key").post(path("24", "submission")).then().statusCode(409)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());

        for (String bad : List.of("\"\"", "has space", "x".repeat(256))) {
            Api.reporter("24").header("Idempotency-Key", bad).post(path("24", "submission")).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        }
        Api.reporter("24").header("Idempotency-Key", "one").header("Idempotency-Key", "two")
                .post(path("24", "submission")).then().statusCode(400);
        // Without a token: 401 as always, nothing kept.
        given().header("Idempotency-Key", "anonymous").post(path("24", "submission")).then().statusCode(401);
    }

    @Test
    void aRetryWhileTheFirstIsStillCarriedOutIs409() throws Exception {
        Api.agreement(kafka, YEAR, LocalDate.parse("2341-03-31"), List.of("EFTERVARD"));
        draft("25");
        // The test holds the report's lock, so the first submission waits inside the service.
        try (Connection db = database()) {
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_lock(?, 25)")) {
                lock.setInt(1, YEAR);
                lock.executeQuery().close();
            }
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> Api.reporter("25")
                    .header("Idempotency-Key", "slow-25").post(path("25", "submission")));
            // The first request holds the key once its reservation is there; the retry meets it in flight.
            awaitInFlight(db, "reporter-25", "slow-25");
            Response concurrent = Api.reporter("25").header("Idempotency-Key", "slow-25")
                    .post(path("25", "submission"));
            assertFalse(first.isDone(), "the first submission waits for the lock");
            assertEquals(409, concurrent.statusCode());
            assertEquals("application/problem+json", concurrent.contentType());
            assertTrue(Integer.parseInt(concurrent.header("Retry-After")) > 0);
            try (PreparedStatement unlock = db.prepareStatement("SELECT pg_advisory_unlock(?, 25)")) {
                unlock.setInt(1, YEAR);
                unlock.executeQuery().close();
            }
            Response done = first.get(30, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode());
            Response retry = Api.reporter("25").header("Idempotency-Key", "slow-25").post(path("25", "submission"));
            assertEquals(200, retry.statusCode());
            assertArrayEquals(done.asByteArray(), retry.asByteArray());
            assertEquals(1, submittedEvents("25"));
        }
    }

    private static void awaitInFlight(Connection db, String caller, String key) throws SQLException {
        long deadline = System.currentTimeMillis() + 30_000;
        try (PreparedStatement state = db.prepareStatement(
                "SELECT count(*) FROM idempotency_key WHERE caller = ? AND idem_key = ? AND state = 'IN_FLIGHT'")) {
            state.setString(1, caller);
            state.setString(2, key);
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = state.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                Api.sleep(50);
            }
        }
        throw new AssertionError("the first request did not reserve its key within 30 s");
    }

    private static String status(String region) {
        return JsonPath.from(given().get("/api/v1/reports/" + YEAR + "/" + region + "/status").asString())
                .getString("status");
    }

    private static int submittedEvents(String region) throws SQLException {
        try (Connection db = database();
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE type = ? AND subject = ?")) {
            count.setString(1, SUBMITTED);
            count.setString(2, YEAR + "/" + region);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(Infrastructure.shared().postgres().jdbcUrl("reporting"),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
