package se.kvinnohalsa.allocation.decision;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.kvinnohalsa.allocation.Api;
import se.kvinnohalsa.events.EventSchemaAssertions;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Region Jämtland Härjedalen's 2025 decision (shared/data/jamtland-2025-decision.csv). */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Decision2025Test {

    // 2025 was published only as "just over" 1.547 bn in total and 1.383 bn by population: round figures stand in.
    private static final long POPULATION = 1_383_000_000L;
    private static final long RURAL = 150_000_000L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static String decision(long omradeKvinna, long primarvard) {
        return """
                {"reference": "RS/25/2025", "decidedOn": "2025-05-28", "decidedBy": "Regiondirektör",
                 "lines": [{"unit": "Område Kvinna", "amountSek": %d},
                           {"unit": "Mödrahälsovård/primärvård", "amountSek": %d}]}""".formatted(omradeKvinna,
                primarvard);
    }

    @Test
    @Order(1)
    void aDecisionBeforePublicationIsAConflict() {
        Api.admin().body(Api.agreement(2025, 1_547_000_000L, POPULATION, RURAL, "2026-03-31"))
                .post("/api/v1/agreements").then().statusCode(201);
        // Region 23's amounts as the agreement gave them; the rest of each pool stands in for the other regions.
        Api.admin().body(
                "{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 17343191}, {\"regionCode\": \"01\", \"amountSek\": %d}]}"
                        .formatted(POPULATION - 17_343_191L))
                .put("/api/v1/agreements/2025/pools/POPULATION/amounts")
                .then().statusCode(200).body("keyKind", equalTo("AMOUNTS"));
        Api.admin().body(
                "{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 7503287}, {\"regionCode\": \"25\", \"amountSek\": %d}]}"
                        .formatted(RURAL - 7_503_287L))
                .put("/api/v1/agreements/2025/pools/RURAL/amounts").then().statusCode(200);

        Api.as("reporter", "23").body(decision(16_701_014, 8_145_464))
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("not published"));
    }

    @Test
    @Order(2)
    void theRegionsDecisionIsAcceptedWhenItAddsUp() {
        Api.admin().post("/api/v1/agreements/2025/allocations/publish").then().statusCode(201);
        given().get("/api/v1/agreements/2025/allocations").then()
                .body("regions.find { it.regionCode == '23' }.totalSek", equalTo(24_846_478));

        Api.as("reporter", "23").body(decision(16_701_014, 8_145_464))
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(201)
                .body("totalSek", equalTo(24_846_478)).body("lines[0].unit", equalTo("Område Kvinna"));
        given().get("/api/v1/agreements/2025/regions/23/decision").then().log().ifValidationFails().statusCode(200)
                .body("reference", equalTo("RS/25/2025")).body("lines[1].amountSek", equalTo(8_145_464))
                .body("recordedBy", equalTo("reporter-23"));
        Api.admin().body(decision(16_701_014, 8_145_464))
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = new KafkaProbe(kafka).read("allocation-events",
                r -> "se.kvinnohalsa.allocation.decision-recorded.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && "2025/23".equals(KafkaProbe.header(r, "ce_subject")),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertEquals(2, events.size());
        assertEquals("23", events.get(0).key());
        EventSchemaAssertions.assertMatchesSchema("se.kvinnohalsa.allocation.decision-recorded.v1",
                events.get(0).value());
    }

    @Test
    @Order(3)
    void oneKronaOffIsRejectedNamingTheDifference() {
        Api.as("reporter", "23").body(decision(16_701_015, 8_145_464))
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines"))
                .body("errors[0].message", containsString("difference +1 SEK"));
        Api.as("reporter", "23").body(decision(16_701_014, 8_145_463))
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(422)
                .body("errors[0].message", containsString("difference -1 SEK"));
        // Nothing of the rejected decisions was stored.
        given().get("/api/v1/agreements/2025/regions/23/decision").then().body("lines[0].amountSek",
                equalTo(16_701_014));
    }

    @Test
    @Order(4)
    void onlyTheRegionsReporterOrAnAdminMayRecordIt() {
        String body = decision(16_701_014, 8_145_464);
        Api.as("reporter", "01").body(body).put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("analyst", null).body(body).put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(403);
        Api.as("registry", null).body(body).put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(403);
        given().contentType("application/json").body(body).put("/api/v1/agreements/2025/regions/23/decision")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .body(body).put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(401);
    }

    @Test
    @Order(5)
    void unknownYearsAndRegionsAre404() {
        Api.admin().body(decision(1, 1)).put("/api/v1/agreements/2025/regions/99/decision").then().statusCode(404)
                .contentType("application/problem+json");
        Api.admin().body(decision(1, 1)).put("/api/v1/agreements/2031/regions/23/decision").then().statusCode(404);
        given().get("/api/v1/agreements/2025/regions/24/decision").then().statusCode(404);
        given().get("/api/v1/agreements/2025/regions/XX/conditions").then().statusCode(404);
        given().get("/api/v1/agreements/abc/allocations").then().statusCode(404);
    }
}
