package se.kvinnohalsa.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a 4xx problem+json naming the field, and changes nothing. Owns the year 2032. */
@QuarkusTest
class BadInputTest {

    static final int YEAR = 2032;
    static final String PATH = "/api/v1/reports/" + YEAR + "/";

    @BeforeEach
    void agreementKnown() {
        Api.agreementOnce(YEAR, LocalDateHolder.DEADLINE, List.of("EFTERVARD", "KOMPETENSFORSORJNING"));
    }

    private static final class LocalDateHolder {
        static final LocalDate DEADLINE = LocalDate.parse("2033-03-31");
    }

    private static String valid() {
        return Api.json(Api.report(new LinkedHashMap<>(Map.of("EFTERVARD", 100L)), null));
    }

    /** The valid report with one JSON fragment replaced. */
    private static String with(String fragment, String replacement) {
        String body = valid();
        if (!body.contains(fragment)) {
            throw new IllegalArgumentException("not in the body: " + fragment + " / " + body);
        }
        return body.replace(fragment, replacement);
    }

    @Test
    void everyFieldOfTheWrongTypeIs400NamingIt() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("spending", new String[]{"\"spending\":{", "\"spending\":\"lots\",\"x\":{"});
        cases.put("spending.lines", new String[]{"\"lines\":[", "\"lines\":{\"a\":1},\"y\":["});
        cases.put("spending.lines[0].amountSek", new String[]{"\"amountSek\":100", "\"amountSek\":\"100\""});
        cases.put("spending.lines[0].focusArea",
                new String[]{"\"focusArea\":\"EFTERVARD\"", "\"focusArea\":{\"code\":\"EFTERVARD\"}"});
        cases.put("spending.totalSek",
                new String[]{"\"notSplitReason\":null", "\"notSplitReason\":null,\"totalSek\":true"});
        cases.put("activities", new String[]{"\"activities\":[", "\"activities\":\"many\",\"z\":["});
        cases.put("activities[0].title",
                new String[]{"\"title\":\"[Exempel] Stöd efter förlossning\"", "\"title\":[\"a\"]"});
        cases.put("activities[0].focusAreas",
                new String[]{"\"focusAreas\":[\"EFTERVARD\"]", "\"focusAreas\":\"EFTERVARD\""});
        cases.put("activities[0].targetGroups",
                new String[]{"\"targetGroups\":[\"NEW_MOTHERS\",\"PARTNERS_FAMILIES\"]", "\"targetGroups\":{}"});
        cases.put("situationAnalysis", new String[]{"\"situationAnalysis\":{", "\"situationAnalysis\":[],\"w\":{"});
        cases.put("situationAnalysis.results",
                new String[]{"\"results\":\"Fler eftervårdsbesök\"", "\"results\":{\"a\":1}"});
        cases.put("workforcePlan.periodFrom", new String[]{"\"periodFrom\":2025", "\"periodFrom\":\"2025\""});
        cases.put("workforcePlan.periodTo", new String[]{"\"periodTo\":2035", "\"periodTo\":2035.5"});
        cases.put("workforcePlan.professions",
                new String[]{"\"professions\":[\"barnmorskor\",\"läkare\"]", "\"professions\":\"barnmorskor\""});
        cases.put("postpartum.visitSharePercent",
                new String[]{"\"visitSharePercent\":94.3", "\"visitSharePercent\":\"94.3\""});
        cases.put("postpartum.referralPathsMental",
                new String[]{"\"referralPathsMental\":\"Psykolog på kvinnokliniken\"", "\"referralPathsMental\":[]"});
        cases.forEach((field, change) -> Api.reporter("03").body(with(change[0], change[1])).put(PATH + "03").then()
                .log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
        given().get(PATH + "03/status").then().body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void unknownFieldsEnumValuesMalformedJsonAndWrongMediaType() {
        Api.reporter("04").body(with("\"spending\":", "\"spendings\":")).put(PATH + "04").then().statusCode(400)
                .body("errors[0].message", containsString("spendings"));
        Api.reporter("04").body(with("\"NEW_MOTHERS\"", "\"MOTHERS\"")).put(PATH + "04").then().statusCode(400)
                .body("errors[0].field", equalTo("activities[0].targetGroups[0]"))
                .body("errors[0].message", containsString("NEW_MOTHERS"));
        Api.reporter("04").body("{spending: 1}").put(PATH + "04").then().statusCode(400).body("errors[0].field",
                equalTo("body"));
        Api.reporter("04").contentType("text/plain").body("report").put(PATH + "04").then().statusCode(415)
                .contentType("application/problem+json");
        Api.reporter("04").body("").put(PATH + "04").then().statusCode(422).body("errors[0].field", equalTo("body"));
        given().get(PATH + "04/status").then().body("status", equalTo("NOT_STARTED"));

        Api.reporter("04").body(valid()).put(PATH + "04").then().statusCode(201);
        Api.reporter("04").post(PATH + "04/submission").then().statusCode(200);
        Api.admin().body("{\"decision\": \"MAYBE\"}").post(PATH + "04/review").then().statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        Api.admin().body("{\"comment\": \"x\"}").post(PATH + "04/review").then().statusCode(422)
                .body("errors[0].field", equalTo("decision"));
        Api.admin().body("{\"decision\": \"RETURN\", \"comment\": \"" + "x".repeat(2001) + "\"}")
                .post(PATH + "04/review")
                .then().statusCode(422).body("errors[0].field", equalTo("comment"));
        given().get(PATH + "04/status").then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void oversizedTextsAndListsAre422NamingTheFieldAndHugeBodies413() {
        Api.reporter("05").body(with("\"[Exempel] Stöd efter förlossning\"", "\"" + "t".repeat(201) + "\""))
                .put(PATH + "05")
                .then().statusCode(422).body("errors.field", equalTo(List.of("activities[0].title")))
                .body("errors[0].message", containsString("200"));
        Api.reporter("05").body(with("\"Fler eftervårdsbesök\"", "\"" + "r".repeat(10_001) + "\"")).put(PATH + "05")
                .then().statusCode(422).body("errors.field", equalTo(List.of("situationAnalysis.results")));
        Api.reporter("05").body(with("\"notSplitReason\":null", "\"notSplitReason\":\"" + "n".repeat(2001) + "\""))
                .put(PATH + "05")
                .then().statusCode(422).body("errors.field", equalTo(List.of("spending.notSplitReason")));
        Api.reporter("05").body(with("\"barnmorskor\"", "\"" + "b".repeat(101) + "\"")).put(PATH + "05")
                .then().statusCode(422).body("errors.field", equalTo(List.of("workforcePlan.professions[0]")));

        Map<String, Object> many = Api.report(Map.of("EFTERVARD", 1L), null);
        List<Object> activities = new ArrayList<>();
        for (int i = 0; i < ReportRequest.MAX_ACTIVITIES + 1; i++) {
            activities.add(
                    Map.of("title", "a" + i, "focusAreas", List.of("EFTERVARD"), "targetGroups", List.of("STAFF")));
        }
        many.put("activities", activities);
        Api.reporter("05").body(Api.json(many)).put(PATH + "05").then().statusCode(422)
                .body("errors.field", equalTo(List.of("activities")));
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < ReportRequest.MAX_LINES + 1; i++) {
            lines.add(Map.of("focusArea", "EFTERVARD", "amountSek", 1));
        }
        many = Api.report(Map.of("EFTERVARD", 1L), null);
        many.put("spending", Map.of("lines", lines));
        Api.reporter("05").body(Api.json(many)).put(PATH + "05").then().statusCode(422)
                .body("errors.field", hasItem("spending.lines"));

        Api.reporter("05").body(with("\"Fler eftervårdsbesök\"", "\"" + "x".repeat(1_100_000) + "\"")).put(PATH + "05")
                .then().statusCode(413);
        given().get(PATH + "05/status").then().body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void rulesOfTheContent() {
        Map<String, Object> report = Api.report(new LinkedHashMap<>(Map.of("EFTERVARD", 100L)), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> spending = (Map<String, Object>) report.get("spending");
        spending.put("lines", List.of(Map.of("focusArea", "EFTERVARD", "amountSek", -1),
                Map.of("focusArea", "EFTERVARD", "amountSek", 5), Map.of("focusArea", "VARDKEDJA", "amountSek", 5)));
        Api.reporter("06").body(Api.json(report)).put(PATH + "06").then().statusCode(422)
                .body("errors.field", equalTo(List.of("spending.lines[0].amountSek")));
        spending.put("lines", List.of(Map.of("focusArea", "EFTERVARD", "amountSek", 1),
                Map.of("focusArea", "EFTERVARD", "amountSek", 5), Map.of("focusArea", "VARDKEDJA", "amountSek", 5)));
        report.put("workforcePlan",
                Map.of("periodFrom", 2035, "periodTo", 2025, "professions", List.of("barnmorskor")));
        report.put("activities",
                List.of(Map.of("title", "A", "focusAreas", List.of("KOMPETENSFORSORJNING", "KOMPETENSFORSORJNING"),
                        "targetGroups", List.of("STAFF"))));
        Api.reporter("06").body(Api.json(report)).put(PATH + "06").then().statusCode(422).log().ifValidationFails()
                .body("errors.field", equalTo(List.of("spending.lines[1].focusArea", "spending.lines[2].focusArea",
                        "activities[0].focusAreas[1]", "workforcePlan.periodTo")))
                .body("errors[1].message", containsString("not one of the agreement year's"));
        for (String share : new String[]{"100.5", "-1", "94.35"}) {
            Api.reporter("06").body(with("\"visitSharePercent\":94.3", "\"visitSharePercent\":" + share))
                    .put(PATH + "06")
                    .then().statusCode(422).body("errors.field", equalTo(List.of("postpartum.visitSharePercent")));
        }
        given().get(PATH + "06/status").then().body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void submittingAnIncompleteReportListsEveryProblemAndSubmittingTwiceIsAConflict() {
        Api.reporter("07").body("{\"activities\": [{\"title\": \"\", \"focusAreas\": [], \"targetGroups\": []}]}")
                .put(PATH + "07").then().statusCode(201).body("spendingSplitStatus", equalTo(null));
        Api.reporter("07").post(PATH + "07/submission").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("spending", "activities[0].title", "activities[0].focusAreas",
                        "activities[0].targetGroups", "situationAnalysis", "workforcePlan", "postpartum"));
        given().get(PATH + "07/status").then().body("status", equalTo("DRAFT"));

        String etag = Api.reporter("07").get(PATH + "07").header("ETag");
        Api.reporter("07").header("If-Match", etag).body(valid()).put(PATH + "07").then().statusCode(200);
        Api.reporter("07").post(PATH + "07/submission").then().statusCode(200);
        Api.reporter("07").post(PATH + "07/submission").then().statusCode(409).body("detail",
                containsString("SUBMITTED"));
        List<String> actions = Api.admin().get(PATH + "07/history").then().extract().path("action");
        assertEquals(List.of("CREATED", "SUBMITTED"), actions);
    }

    @Test
    void aReplacementNeedsTheCurrentETagAndAFirstVersionNone() {
        Api.reporter("08").header("If-Match", "\"1\"").body(valid()).put(PATH + "08").then().statusCode(412);
        Api.reporter("08").body(valid()).put(PATH + "08").then().statusCode(201);
        Api.reporter("08").header("If-Match", "*").body(valid()).put(PATH + "08").then().statusCode(428);
        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches, not even the current version's.
        Api.reporter("08").header("If-Match", "W/\"1\"").body(valid()).put(PATH + "08").then().statusCode(412);
        Api.reporter("08").header("If-Match", "1").body(valid()).put(PATH + "08").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        Api.reporter("08").header("If-Match", "\"7\", W/\"1\", \"1\"").body(valid()).put(PATH + "08").then()
                .statusCode(200).header("ETag", "\"2\"");
        Api.reporter("08").header("If-Match", "W/\"2\"").post(PATH + "08/submission").then().statusCode(412);
        // "*" on a submission: the report exists, so it matches.
        Api.reporter("08").header("If-Match", "*").post(PATH + "08/submission").then().statusCode(200);
    }
}
