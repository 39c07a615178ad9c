package se.kvinnohalsa.reporting.report;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A report from draft to review, with optimistic locking and the audit trail. Owns the years 2031 and 2034. */
@QuarkusTest
class ReportFlowTest {

    static final int YEAR = 2031;
    static final String PATH = "/api/v1/reports/" + YEAR + "/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void agreementKnown() {
        Api.agreementOnce(YEAR, LocalDate.parse("2032-03-31"),
                List.of("EFTERVARD", "KOMPETENSFORSORJNING", "LANDSBYGD"));
    }

    static Map<String, Object> report() {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("KOMPETENSFORSORJNING", 700_000L);
        lines.put("LANDSBYGD", 300_000L);
        return Api.report(lines, null);
    }

    @Test
    void draftSubmitReturnResubmitAccept() {
        given().get(PATH + "05/status").then().statusCode(200).body("status", equalTo("NOT_STARTED"));

        String etag = Api.reporter("05").body(Api.json(report())).put(PATH + "05").then().log().ifValidationFails()
                .statusCode(201).header("ETag", "\"1\"").body("status", equalTo("DRAFT")).body("version", equalTo(1))
                .body("spendingSplit", equalTo(true)).body("totalSpentSek", equalTo(1_000_000))
                .extract().header("ETag");
        // Replacing needs the ETag: without it 428, with an old one 412.
        Api.reporter("05").body(Api.json(report())).put(PATH + "05").then().statusCode(428)
                .contentType("application/problem+json");
        etag = Api.reporter("05").header("If-Match", etag).body(Api.json(report())).put(PATH + "05").then()
                .statusCode(200).header("ETag", "\"2\"").extract().header("ETag");
        Api.reporter("05").header("If-Match", "\"1\"").body(Api.json(report())).put(PATH + "05").then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString("\"2\""));

        Api.reporter("05").header("If-Match", "\"1\"").post(PATH + "05/submission").then().statusCode(412);
        Api.reporter("05").post(PATH + "05/submission").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("late", equalTo(false))
                .body("submittedBy", equalTo("reporter-05"));
        // Submitted reports are read-only; submitting twice is a conflict; reading is for the region, admins, analysts.
        Api.reporter("05").header("If-Match", "\"3\"").body(Api.json(report())).put(PATH + "05").then().statusCode(409);
        Api.reporter("05").post(PATH + "05/submission").then().statusCode(409).contentType("application/problem+json");
        Api.as("analyst", null).get(PATH + "05").then().statusCode(200).header("ETag", "\"3\"");
        Api.reporter("06").get(PATH + "05").then().statusCode(403);
        Api.as("registry", null).get(PATH + "05").then().statusCode(403);
        given().get(PATH + "05").then().statusCode(401).contentType("application/problem+json");

        // Only an admin reviews; a return needs a comment.
        Api.reporter("05").body("{\"decision\": \"ACCEPT\"}").post(PATH + "05/review").then().statusCode(403);
        Api.admin().body("{\"decision\": \"RETURN\"}").post(PATH + "05/review").then().statusCode(422)
                .body("errors[0].field", equalTo("comment"));
        Api.admin().body("{\"decision\": \"RETURN\", \"comment\": \"Beskriv eftervården\"}").post(PATH + "05/review")
                .then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("review.comment", equalTo("Beskriv eftervården"));
        given().get(PATH + "05/status").then().body("status", equalTo("RETURNED"));

        // Returned: the region edits and submits again.
        Map<String, Object> fixed = report();
        fixed.put("activities", List.of(Map.of("title", "Eftervårdsmottagning", "focusAreas", List.of("EFTERVARD"),
                "targetGroups", List.of("NEW_MOTHERS"))));
        Api.reporter("05").header("If-Match", "\"4\"").body(Api.json(fixed)).put(PATH + "05").then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        Api.reporter("05").post(PATH + "05/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Api.admin().body("{\"decision\": \"ACCEPT\", \"comment\": null}").post(PATH + "05/review").then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("review.decision", equalTo("ACCEPT"));
        Api.admin().body("{\"decision\": \"RETURN\", \"comment\": \"late thought\"}").post(PATH + "05/review").then()
                .statusCode(409);

        // The audit trail: every status change, who and when, for admins only.
        Api.admin().get(PATH + "05/history").then().log().ifValidationFails().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED")))
                .body("toStatus", equalTo(List.of("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED")))
                .body("[1].fromStatus", equalTo("DRAFT"))
                .body("changedBy",
                        equalTo(List.of("reporter-05", "reporter-05", "admin-local", "reporter-05", "admin-local")))
                .body("[2].comment", equalTo("Beskriv eftervården"));
        Api.reporter("05").get(PATH + "05/history").then().statusCode(403);
        Api.as("analyst", null).get(PATH + "05/history").then().statusCode(403);
    }

    @Test
    void anAdminRecordsWhenAReportThatCameByOtherMeansWasReceived() {
        Api.reporter("13").body(Api.json(report())).put(PATH + "13").then().statusCode(201);
        // Recorded in May, well after the deadline (2032-03-31).
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2032-05-10T08:00:00Z"), ZoneOffset.UTC), Clock.class);
        // Only admins may say when; the time must be an ISO instant and not in the future. Nothing is submitted meanwhile.
        Api.reporter("13").queryParam("receivedAt", "2032-03-30T09:00:00Z").post(PATH + "13/submission").then()
                .statusCode(403).contentType("application/problem+json");
        Api.admin().queryParam("receivedAt", "30 mars 2032").post(PATH + "13/submission").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("receivedAt"));
        Api.admin().queryParam("receivedAt", "2032-05-11T00:00:00Z").post(PATH + "13/submission").then().statusCode(422)
                .body("errors[0].field", equalTo("receivedAt"));
        given().get(PATH + "13/status").then().body("status", equalTo("DRAFT"));

        // Received at 23:30 on the deadline day in Stockholm, recorded in May: on time, at the time it was received.
        Api.admin().queryParam("receivedAt", "2032-03-31T21:30:00Z").post(PATH + "13/submission").then()
                .log().ifValidationFails().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedAt", equalTo("2032-03-31T21:30:00Z")).body("late", equalTo(false));
        Api.admin().get(PATH + "13/history").then().statusCode(200)
                .body("[1].action", equalTo("SUBMITTED")).body("[1].changedBy", equalTo("admin-local"))
                .body("[1].comment", containsString("received 2032-03-31T21:30:00Z"));
    }

    @Test
    void reviewingADraftIsAConflict() {
        Api.reporter("06").body(Api.json(report())).put(PATH + "06").then().statusCode(201);
        Api.admin().body("{\"decision\": \"ACCEPT\"}").post(PATH + "06/review").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("DRAFT"));
        Api.admin().body("{\"decision\": \"ACCEPT\"}").post(PATH + "07/review").then().statusCode(404);
    }

    @Test
    void twoClientsRacingOnOneVersionNeverBothWin() throws Exception {
        Api.reporter("07").body(Api.json(report())).put(PATH + "07").then().statusCode(201);
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Map<String, Object> body = report();
            body.put("situationAnalysis", Map.of("results", "client " + i));
            results.add(pool.submit(() -> {
                start.await();
                return Api.reporter("07").header("If-Match", "\"1\"").body(Api.json(body)).put(PATH + "07")
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(clients - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        Response stored = Api.reporter("07").get(PATH + "07");
        assertEquals("\"2\"", stored.header("ETag"), "exactly one replacement was stored");
    }

    @Test
    void aReporterOfAnotherRegionIsRefusedByTheServiceItself() {
        Api.reporter("01").body(Api.json(report())).put(PATH + "08").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("analyst", null).body(Api.json(report())).put(PATH + "08").then().statusCode(403);
        Api.reporter("01").post(PATH + "08/submission").then().statusCode(403);
        given().contentType("application/json").body(Api.json(report())).put(PATH + "08").then().statusCode(401)
                .contentType("application/problem+json");
        given().get(PATH + "08/status").then().body("status", equalTo("NOT_STARTED"));
        // An admin may write for any region.
        Api.admin().body(Api.json(report())).put(PATH + "08").then().statusCode(201).body("updatedBy",
                equalTo("admin-local"));
    }

    @Test
    void unknownYearOrRegionIs404() {
        Api.reporter("09").body(Api.json(report())).put("/api/v1/reports/2039/09").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("2039"));
        Api.admin().body(Api.json(report())).put(PATH + "99").then().statusCode(404);
        given().get(PATH + "02/status").then().statusCode(404);
        given().get("/api/v1/reports/2039/summary").then().statusCode(404);
        Api.admin().get("/api/v1/reports/2039").then().statusCode(404);
        Api.admin().post(PATH + "10/submission").then().statusCode(404).body("detail", containsString("no report"));
    }

    @Test
    void theOverviewListsEveryRegionIncludingThoseNotStarted() {
        Map<String, Object> notSplit = report();
        notSplit.put("spending",
                Map.of("lines", List.of(), "notSplitReason", "Funds are part of the clinics' budgets"));
        Api.reporter("12").body(Api.json(notSplit)).put(PATH + "12").then().statusCode(201)
                .body("spendingSplit", equalTo(false)).body("spendingSplitStatus", equalTo("NOT_SPLIT"));
        Api.reporter("12").post(PATH + "12/submission").then().statusCode(200);

        Api.as("analyst", null).get("/api/v1/reports/" + YEAR).then().log().ifValidationFails().statusCode(200)
                .body("size()", equalTo(21))
                .body("find { it.regionCode == '12' }.status", equalTo("SUBMITTED"))
                .body("find { it.regionCode == '12' }.spendingSplit", equalTo(false))
                .body("find { it.regionCode == '12' }.late", equalTo(false))
                .body("find { it.regionCode == '25' }.status", equalTo("NOT_STARTED"))
                .body("find { it.regionCode == '25' }.spendingSplit", nullValue())
                .body("find { it.regionCode == '23' }.regionName", equalTo("Jämtland Härjedalen"));
        Api.reporter("12").get("/api/v1/reports/" + YEAR).then().statusCode(403);
        given().get("/api/v1/reports/" + YEAR).then().statusCode(401);
        given().get("/api/v1/reports/" + YEAR + "/summary").then().statusCode(200)
                .body("excludedRegions.find { it.regionCode == '12' }.reason", equalTo("NOT_SPLIT"))
                .body("excludedRegions.find { it.regionCode == '12' }.statedReason",
                        equalTo("Funds are part of the clinics' budgets"))
                .body("excludedRegions.find { it.regionCode == '25' }.reason", equalTo("NOT_SUBMITTED"))
                .body("regions", equalTo(21));
    }

    @Test
    void aReportSubmittedAfterTheEndOfTheDeadlineDayIsLate() {
        int year = 2034;
        Api.agreement(kafka, year, LocalDate.parse("2035-03-31"), List.of("EFTERVARD", "KOMPETENSFORSORJNING"));
        String path = "/api/v1/reports/" + year + "/";
        Map<String, Object> report = Api.report(Map.of("EFTERVARD", 10L), null);
        Api.reporter("13").body(Api.json(report)).put(path + "13").then().statusCode(201);
        Api.reporter("14").body(Api.json(report)).put(path + "14").then().statusCode(201);
        // 23:59:59 on the deadline day in Stockholm (CEST, UTC+2) is in time; one second later is late.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2035-03-31T21:59:59Z"), ZoneOffset.UTC), Clock.class);
        Api.reporter("13").post(path + "13/submission").then().statusCode(200).body("late", equalTo(false))
                .body("submittedAt", equalTo("2035-03-31T21:59:59Z"));
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2035-03-31T22:00:00Z"), ZoneOffset.UTC), Clock.class);
        Api.reporter("14").post(path + "14/submission").then().statusCode(200).body("late", equalTo(true));
        given().get(path + "14/status").then().body("late", equalTo(true)).body("status", equalTo("SUBMITTED"));
        given().get(path + "summary").then().body("submitted", equalTo(2)).body("late", equalTo(1));
        Api.admin().get("/api/v1/reports/" + year).then().body("findAll { it.late }.regionCode", hasItems("14"));
    }
}
