package se.kvinnohalsa.gateway.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.events.DomainEventReceived;

import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The follow-up endpoint through the gateway against the stub services (reporting-service is down): bad input is a
 * 4xx problem naming the field, a missing service a retryable 503, a built document is served in the format asked
 * for with a content ETag (304 when unchanged), and a domain event drops the document of its year.
 */
@QuarkusTest
class FollowUpTest {

    private static final String YEAR_EVENT = "{\"year\": %d, \"regionCode\": \"03\"}";

    @Inject
    FollowUpService followUp;

    @Inject
    Event<DomainEventReceived> events;

    @BeforeEach
    void empty() {
        followUp.cache().invalidateAll();
    }

    /** 2024 as if it had been built from the services (they are stubs here). */
    private void built2024() {
        followUp.cache().get(2024, () -> CompletableFuture.completedFuture(FollowUpFixtures.report()))
                .toCompletableFuture().join();
    }

    @Test
    void aServiceThatCannotBeAskedGivesARetryable503AndNothingIsKept() {
        given().get("/api/v1/follow-up/2025").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("service", equalTo("reporting"))
                .body("detail", containsString("reporting service cannot be reached"));
        assertEquals(0, followUp.cache().size());
    }

    @Test
    void badInputIs400NamingTheFieldAndAnUnknownFormat406() {
        for (String year : new String[]{"20x5", "24", "99999"}) {
            given().get("/api/v1/follow-up/" + year).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("year"));
        }
        given().get("/api/v1/follow-up/2024?format=docx").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().accept("image/png").get("/api/v1/follow-up/2024").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void theFormatByAcceptOrParameterWithAContentEtag() {
        built2024();
        String etag = given().get("/api/v1/follow-up/2024").then().statusCode(200).contentType("application/json")
                .header("ETag", notNullValue()).header("Vary", containsString("Accept"))
                .body("year", equalTo(2024)).body("spending.national[1].sharePercent", equalTo(63.6f))
                .body("allocation.addsUp", equalTo(true)).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/follow-up/2024").then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/api/v1/follow-up/2024")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("1. Överenskommelsen"));
        given().accept("application/pdf").get("/api/v1/follow-up/2024").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("uppfoljning-2024.pdf"));
        String xlsx = given().get("/api/v1/follow-up/2024?format=xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("attachment")).extract().header("ETag");
        assertNotEquals(etag, xlsx, "each format has its own ETag");
        given().header("If-None-Match", etag).get("/api/v1/follow-up/2024?format=html").then().statusCode(200);
    }

    @Test
    void anEventDropsTheDocumentOfItsYearOnly() {
        built2024();
        events.fireAsync(new DomainEventReceived("report-events", "se.kvinnohalsa.report.submitted.v1", "2023/03",
                "03", YEAR_EVENT.formatted(2023))).toCompletableFuture().join();
        assertEquals(1, followUp.cache().size(), "2023's event leaves 2024 as it is");
        given().get("/api/v1/follow-up/2024?format=json").then().statusCode(200);

        events.fireAsync(new DomainEventReceived("report-events", "se.kvinnohalsa.report.submitted.v1", "2024/03",
                "03", YEAR_EVENT.formatted(2024))).toCompletableFuture().join();
        assertEquals(0, followUp.cache().size());
        // Rebuilt from the services on the next request: reporting-service is down here.
        given().get("/api/v1/follow-up/2024?format=json").then().statusCode(503);
    }
}
