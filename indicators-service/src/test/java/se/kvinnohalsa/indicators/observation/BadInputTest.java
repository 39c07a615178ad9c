package se.kvinnohalsa.indicators.observation;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of issue 6 gets a 4xx problem+json naming the field (and row), and stores nothing. */
@QuarkusTest
class BadInputTest {

    /** This class owns the indicator BAD_INPUT_TEST (reporting years, percent, one extra group). */
    private static final String CODE = "BAD_INPUT_TEST";
    private static final String PATH = "/api/v1/indicators/" + CODE + "/observations";
    private static final String P = "2023-08-01/2024-07-31";

    private static boolean defined;

    @BeforeEach
    void define() {
        if (defined) {
            return;
        }
        defined = true;
        Api.define(CODE, "PERCENT", "REPORTING_YEAR", "{\"operator\": \">=\", \"value\": 90}", "ALL", "EDU_HIGHER");
    }

    /** Regions with a value of this class's indicator in P (tests run in any order, so compare before and after). */
    private static int stored() {
        return given().get("/api/v1/indicators/" + CODE + "/values?period=" + P).then().statusCode(200)
                .extract().path("size()");
    }

    @TestHTTPResource("/")
    URI base;

    /** Large bodies go through a plain client: RestAssured would keep (and on failure log) every byte. */
    private HttpResponse<String> postRaw(String contentType, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(PATH))
                .header("Authorization", Api.token("registry", null)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int... statuses) {
        assertTrue(Arrays.stream(statuses).anyMatch(s -> s == response.statusCode()),
                response.statusCode() + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void unknownIndicatorIs404() {
        Api.registry().contentType("application/json").body("[]").post("/api/v1/indicators/NOPE/observations")
                .then().statusCode(404).contentType("application/problem+json");
        Api.registry().contentType("text/csv").body(Api.HEADER + "\n01," + P + ",ALL,90,,,,\n")
                .post("/api/v1/indicators/NOPE/observations").then().statusCode(404);
    }

    @Test
    void everyBadRowIsListedAndNothingIsStored() {
        String csv = Api.HEADER + "\n"
                + "01,2023-13-01/2024-07-31,ALL,90,,,,\n" // 1 malformed date
                + "03,2024-07-31/2023-08-01,ALL,90,,,,\n" // 2 end before start
                + "04," + P + ",ALL,100.5,,,,\n" // 3 value out of range
                + "05," + P + ",ALL,90,11,10,,\n" // 4 numerator > denominator
                + "06," + P + ",ALL,90,,,95,100\n" // 5 clinic min above value
                + "99," + P + ",ALL,90,,,,\n" // 6 unknown region
                + "07," + P + ",NOPE,90,,,,\n" // 7 unknown group
                + "08," + P + ",ALL,90,,,,\n" // 8 duplicate of 9
                + "08," + P + ",ALL,91,,,,\n" // 9
                + "09," + P + ",ALL,92,,,,\n"; // 10 fine
        int before = stored();
        Api.registry().contentType("text/csv").body(csv).post(PATH).then().log().ifValidationFails().statusCode(422)
                .contentType("application/problem+json")
                .body("received", equalTo(10)).body("rejected", equalTo(9))
                .body("errors.row", hasItems(1, 2, 3, 4, 5, 6, 7, 8, 9))
                .body("errors.find { it.row == 1 }.field", equalTo("period"))
                .body("errors.find { it.row == 1 }.message", containsString("2023-13-01"))
                .body("errors.find { it.row == 2 }.message", containsString("before it starts"))
                .body("errors.find { it.row == 3 }.field", equalTo("value"))
                .body("errors.find { it.row == 4 }.field", equalTo("numerator"))
                .body("errors.find { it.row == 5 }.field", equalTo("clinic_min"))
                .body("errors.find { it.row == 6 }.field", equalTo("region_code"))
                .body("errors.find { it.row == 7 }.field", equalTo("group"))
                .body("errors.find { it.row == 9 }.message", containsString("[8, 9]"));
        assertEquals(before, stored());

        // atomic=false stores the one good row and reports the rest.
        Api.registry().contentType("text/csv").body(csv).queryParam("atomic", false).post(PATH).then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(9)).body("errors.size()", equalTo(9));
        given().get("/api/v1/indicators/" + CODE + "/values?period=" + P).then().body("regionCode", hasItem("09"))
                .body("regionCode", not(hasItem("08")));
    }

    @Test
    void jsonRowsOfTheWrongTypeAreRowErrors() {
        Api.registry().contentType("application/json").body("""
                [{"regionCode": "10", "period": "%s", "value": "90.1"},
                 {"regionCode": "10", "period": "%s", "group": "EDU_HIGHER", "value": 90, "denominator": 10.5},
                 {"regionCode": "10", "period": "%s", "valu": 90},
                 42]""".formatted(P, P, P))
                .post(PATH).then().log().ifValidationFails().statusCode(422)
                .body("errors.find { it.row == 1 }.field", equalTo("value"))
                .body("errors.find { it.row == 1 }.message", containsString("number"))
                .body("errors.find { it.row == 2 }.field", equalTo("denominator"))
                .body("errors.field", hasItem("valu"))
                .body("errors.find { it.row == 4 }.field", equalTo("row"));
    }

    @Test
    void malformedBodiesAre400() {
        Api.registry().contentType("application/json").body("[{\"regionCode\": \"01\",").post(PATH).then()
                .statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        Api.registry().contentType("application/json").body("{\"regionCode\": \"01\"}").post(PATH).then()
                .statusCode(400)
                .body("errors[0].message", containsString("array"));
        Api.registry().contentType("application/json").body("").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        Api.registry().contentType("text/csv").body("").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        Api.registry().contentType("application/json").body("[]").post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aCsvWithMissingColumnsNamesThem() {
        Api.registry().contentType("text/csv").body("region_code,value\n01,90\n").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("period"));
        Api.registry().contentType("text/csv").body("region_code,period,value,colour\n01," + P + ",90,red\n").post(PATH)
                .then().statusCode(400).body("errors[0].message", containsString("colour"));
        // A row with fewer fields than the header is a row error.
        Api.registry().contentType("text/csv").body(Api.HEADER + "\n01," + P + ",ALL\n").post(PATH).then()
                .statusCode(422)
                .body("errors.field", hasItems("row", "value"));
    }

    @Test
    void tenMegabytesOfJunkIsA4xxNeverA500() throws Exception {
        int before = stored();
        byte[] junk = new byte[10 * 1024 * 1024];
        new Random(6).nextBytes(junk);
        assertProblem(postRaw("text/csv", junk), 400, 413);
        assertProblem(postRaw("application/json", junk), 400, 413);
        assertProblem(postRaw("text/csv", "x".repeat(10 * 1024 * 1024).getBytes()), 400);
        // Valid header, then junk lines: every line is a row error, the list is capped and the rest counted.
        byte[] rows = (Api.HEADER + "\n" + "junk,junk\n".repeat(1_000_000)).getBytes();
        HttpResponse<String> capped = postRaw("text/csv", rows);
        assertProblem(capped, 422);
        assertTrue(capped.body().contains("\"errorsNotShown\":"), capped.body().substring(0, 200));
        assertEquals(before, stored());
    }

    @Test
    void beyondTheSizeLimitIs413() throws Exception {
        byte[] big = new byte[32 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = postRaw("application/json", big);
        assertProblem(response, 413);
        assertTrue(response.body().contains("limit"), response.body());
    }

    @Test
    void wrongMediaTypeNoTokenAndWrongRole() {
        String csv = Api.HEADER + "\n01," + P + ",ALL,90,,,,\n";
        Api.registry().contentType("text/plain").body(csv).post(PATH).then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/csv").body(csv).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt").contentType("text/csv").body(csv).post(PATH).then()
                .statusCode(401);
        Api.as("analyst").contentType("text/csv").body(csv).post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Api.token("reporter", "01")).contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(403);
        Api.admin().contentType("text/csv").body(csv).queryParam("dryRun", true).post(PATH).then().statusCode(200)
                .body("created", equalTo(1));
    }

    @Test
    void badReadParametersAre400Or404() {
        given().get("/api/v1/indicators/" + CODE + "/summary?period=2023-13-01/2024-07-31").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().get("/api/v1/indicators/" + CODE + "/values?group=NOPE").then().statusCode(400)
                .body("errors[0].field", equalTo("group"));
        given().get("/api/v1/indicators/" + CODE + "/gaps?groups=ALL").then().statusCode(400)
                .body("errors[0].field", equalTo("groups"));
        given().get("/api/v1/indicators/" + CODE + "/series?regionCode=99").then().statusCode(404);
        given().get("/api/v1/indicators/" + CODE + "/series").then().statusCode(400);
        given().get("/api/v1/indicators/NOPE/summary").then().statusCode(404);
    }

    @Test
    void catalogDefinitionsAreChecked() {
        Api.admin().contentType("application/json").body("""
                {"name": "", "description": "d", "unit": "PERCENT", "source": "s", "periodType": "WEEKLY"}""")
                .put("/api/v1/indicators/NEW_ONE").then().statusCode(400)
                .body("errors[0].field", equalTo("periodType"));
        Api.admin().contentType("application/json").body("""
                {"name": "", "description": "d", "unit": "PERCENT", "source": "s", "periodType": "SNAPSHOT",
                 "target": {"operator": "=", "value": 120}}""")
                .put("/api/v1/indicators/NEW_ONE").then().statusCode(422)
                .body("errors.field", hasItems("name", "target.operator"));
        Api.as("registry").contentType("application/json").body("{}").put("/api/v1/indicators/NEW_ONE").then()
                .statusCode(403);
        given().get("/api/v1/indicators/NEW_ONE").then().statusCode(404);
    }

    /** Issue 12, item 2: this kept indicators-service busy until the gateway gave up (504). */
    @Test
    void aHugeExponentIs422AtOnceInJsonAndCsv() throws Exception {
        HttpResponse<String> json = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60),
                () -> postRaw("application/json", ("[{\"regionCode\": \"01\", \"period\": \"" + P
                        + "\", \"value\": 1e999999999}]").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertProblem(json, 422);
        assertTrue(json.body().contains("\"field\":\"value\"") && json.body().contains("out of range"),
                json.body());
        HttpResponse<String> csv = postRaw("text/csv", (Api.HEADER + "\n01," + P + ",ALL,1e999999999,,,,\n01," + P
                + ",EDU_HIGHER," + "9".repeat(10_000) + ",,,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(csv, 422);
        assertTrue(csv.body().contains("out of range") && csv.body().contains("characters long"), csv.body());
        HttpResponse<String> digits = postRaw("application/json", ("[{\"regionCode\": \"01\", \"period\": \""
                + P + "\", \"value\": " + "9".repeat(10_000) + "}]").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(digits, 400);
        HttpResponse<String> deep = postRaw("application/json",
                ("[" + "[".repeat(10_000) + "]".repeat(10_000) + "]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(deep, 400);
        assertTrue(deep.body().contains("nesting depth"), deep.body());
    }

    /** Found by the gateway's HostileInputIT: both were answered as if the request were fine, or with a 500. */
    @Test
    void aFlagThatIsNeitherTrueNorFalseIs400AndAContentTypeThatIsNoMediaTypeIs415() throws Exception {
        int before = stored();
        String csv = Api.HEADER + "\n01," + P + ",ALL,90,,,,\n";
        // JAX-RS reads "yes" as false: the "dry run" would have stored the batch.
        Api.registry().contentType("text/csv").body(csv).queryParam("dryRun", "yes").post(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("dryRun"));
        Api.registry().contentType("text/csv").body(csv).queryParam("atomic", "1e9").post(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("atomic"));
        assertEquals(before, stored(), "nothing stored");
        // Quarkus REST failed with an IllegalArgumentException (500) choosing between the JSON and the CSV method.
        HttpResponse<String> garbage = postRaw("\u00e5/\u00e4", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(garbage, 415);
        assertTrue(garbage.body().contains("Content-Type"), garbage.body());
    }
}
