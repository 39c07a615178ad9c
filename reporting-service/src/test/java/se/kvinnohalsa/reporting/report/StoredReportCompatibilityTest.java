package se.kvinnohalsa.reporting.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A report stored while ReportRequest had another shape stays readable: stored JSON is read leniently, requests
 * strictly. Owns the year 2041.
 */
@QuarkusTest
class StoredReportCompatibilityTest {

    private static final int YEAR = 2041;
    private static final String PATH = "/api/v1/reports/" + YEAR + "/12";

    @Test
    void aStoredReportWithAnExtraAndAMissingFieldIsStillReadSubmittedAndReplaced() {
        Api.agreementOnce(YEAR, LocalDate.parse("2042-03-31"), List.of("EFTERVARD"));
        Map<String, Object> report = Api.report(new LinkedHashMap<>(Map.of("EFTERVARD", 1_000L)), null);
        Api.reporter("12").body(Api.json(report)).put(PATH).then().statusCode(201);

        // As if written by a version whose Spending had a "currency" field and whose Postpartum had no
        // referralPathsMental yet: one field the type has since lost, one it has since gained.
        QuarkusTransaction.requiringNew().run(() -> {
            Report stored = Report.find(YEAR, "12");
            stored.content = stored.content
                    .replace("\"spending\":{", "\"spending\":{\"currency\":\"SEK\",")
                    .replaceAll(",?\"referralPathsMental\":\"[^\"]*\"", "");
        });
        // A request with that extra field is still refused: requests stay strict.
        Api.reporter("12").header("If-Match", "\"1\"")
                .body(Api.json(report).replace("\"spending\":{", "\"spending\":{\"currency\":\"SEK\","))
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("spending.currency"));

        Api.reporter("12").get(PATH).then().statusCode(200)
                .body("spending.lines[0].amountSek", equalTo(1000))
                .body("spending.currency", nullValue())
                .body("postpartum.referralPathsPhysical", equalTo("Bäckenbottenmottagning"))
                .body("postpartum.referralPathsMental", nullValue());
        // The missing field is a rule problem of the report (422 naming it), not an unreadable document (500).
        Api.reporter("12").post(PATH + "/submission").then().statusCode(422)
                .body("errors.field", hasItem("postpartum.referralPathsMental"));
        Api.reporter("12").header("If-Match", "\"1\"").body(Api.json(report)).put(PATH).then().statusCode(200)
                .header("ETag", "\"2\"");
        Api.reporter("12").post(PATH + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }
}
