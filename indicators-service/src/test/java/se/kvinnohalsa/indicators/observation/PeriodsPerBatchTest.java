package se.kvinnohalsa.indicators.observation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A batch's event lists the periods it changed and has to fit one Kafka record: a batch with more periods than the
 * limit is refused whole (422 naming the period) instead of leaving an event that the broker can never take.
 */
@QuarkusTest
class PeriodsPerBatchTest {

    private static final String CODE = "PERIODS_PER_BATCH_TEST";

    @ConfigProperty(name = "indicators.import.max-periods")
    int maxPeriods;

    private static ValidatableResponse post(DailySnapshotsCsv csv) throws Exception {
        return given().header("Authorization", Api.token("registry", null)).contentType("text/csv")
                .body(csv.readAllBytes()).post("/api/v1/indicators/" + CODE + "/observations").then();
    }

    @Test
    void oneMorePeriodThanTheLimitIsRefusedWholeAndTheLimitItselfIsStored() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);

        post(new DailySnapshotsCsv(maxPeriods + 1, 0)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("at most " + maxPeriods + " periods"));
        given().get("/api/v1/indicators/" + CODE + "/periods").then().statusCode(200).body("size()", equalTo(0));

        post(new DailySnapshotsCsv(maxPeriods, 0)).statusCode(200).body("created", equalTo(maxPeriods));
    }
}
