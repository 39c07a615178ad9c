package se.kvinnohalsa.allocation.allocation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 2024 agreement: keys set so that the published 2024 amounts come out to the krona, then versions. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Allocation2024Test {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The 21 regions' published 2024 amounts: region_code, population_pool_sek, rural_pool_sek, total_sek. */
    private static final List<Map<String, String>> PUBLISHED = Api.csv("allocations-2024.csv");

    @Test
    @Order(1)
    void theAgreementIsCreatedAndAnnounced() {
        Api.admin().body(Api.agreement(2024, 1_535_000_000L, 1_367_000_000L, 150_000_000L, "2025-03-31"))
                .post("/api/v1/agreements").then().statusCode(201)
                .header("Location", endsWith("/api/v1/agreements/2024"))
                .body("pools[0].keyKind", equalTo("NONE"));
        Api.admin().body(Api.agreement(2024, 1, 1, 0, "2025-03-31"))
                .post("/api/v1/agreements").then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/agreements/2024").then().statusCode(200)
                .body("reportingDeadline", equalTo("2025-03-31")).body("totalSek", equalTo(1_535_000_000))
                .body("focusAreas.code", equalTo(List.of("EFTERVARD", "KOMPETENSFORSORJNING")))
                .body("conditions.size()", equalTo(1));

        ConsumerRecord<String, String> event = first("se.kvinnohalsa.agreement.changed.v1", "2024");
        EventSchemaAssertions.assertMatchesSchema(KafkaProbe.header(event, "ce_type"), event.value());
        assertEquals("2024", event.key());
    }

    @Test
    @Order(2)
    void publishedAmountsComeOutToTheKrona() {
        long started = System.nanoTime();
        // The published 2024 amounts themselves, used as weights, reproduce them exactly: population figures and the
        // rural key behind them are not in the source. Any key proportional to them gives the same result.
        Api.admin().body(key("population_pool_sek")).put("/api/v1/agreements/2024/pools/POPULATION/key").then()
                .statusCode(200)
                .body("keyKind", equalTo("WEIGHTS"));
        Api.admin().body(key("rural_pool_sek")).put("/api/v1/agreements/2024/pools/RURAL/key").then().statusCode(200);

        JsonPath draft = given().get("/api/v1/agreements/2024/allocations").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("version", nullValue()).extract().jsonPath();
        assertEquals(1_517_000_000L, draft.getLong("totalSek"));
        assertEquals(21, PUBLISHED.size());
        for (Map<String, String> row : PUBLISHED) {
            String code = row.get("region_code");
            String region = "regions.find { it.regionCode == '" + code + "' }";
            assertEquals(Long.parseLong(row.get("population_pool_sek")),
                    draft.getLong(region + ".pools.find { it.code == 'POPULATION' }.amountSek"), code);
            assertEquals(Long.parseLong(row.get("rural_pool_sek")),
                    draft.getLong(region + ".pools.find { it.code == 'RURAL' }.amountSek"), code);
            assertEquals(Long.parseLong(row.get("total_sek")), draft.getLong(region + ".totalSek"), code);
        }

        Api.admin().post("/api/v1/agreements/2024/allocations/publish").then().statusCode(201)
                .header("Location", endsWith("/api/v1/agreements/2024/allocations/versions/1"))
                .body("version", equalTo(1));
        System.out.printf("[measure] 2024: setting both keys, computing and publishing took %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        given().get("/api/v1/agreements/2024/allocations").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
        // Publishing unchanged allocations again returns the same version.
        Api.admin().post("/api/v1/agreements/2024/allocations/publish").then().statusCode(200).body("version",
                equalTo(1));

        ConsumerRecord<String, String> event = first("se.kvinnohalsa.allocation.published.v1", "2024/v1");
        EventSchemaAssertions.assertMatchesSchema("se.kvinnohalsa.allocation.published.v1", event.value());
        JsonPath published = JsonPath.from(event.value());
        assertEquals(24_612_350L, published.getLong("regions.find { it.regionCode == '23' }.totalSek"));
        assertEquals(21, published.getList("regions").size());
    }

    @Test
    @Order(3)
    void aChangedKeyIsADraftUntilPublishedAsTheNextVersion() {
        Api.admin().body(
                "{\"weights\": [{\"regionCode\": \"23\", \"weight\": 1}, {\"regionCode\": \"25\", \"weight\": 1}]}")
                .put("/api/v1/agreements/2024/pools/RURAL/key").then().statusCode(200);
        given().get("/api/v1/agreements/2024/allocations").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1))
                .body("regions.find { it.regionCode == '23' }.pools.find { it.code == 'RURAL' }.amountSek",
                        equalTo(75_000_000));
        Api.admin().post("/api/v1/agreements/2024/allocations/publish").then().statusCode(201).body("version",
                equalTo(2));

        given().get("/api/v1/agreements/2024/allocations/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)));
        // Version 1 stays exactly as published.
        JsonPath v1 = given().get("/api/v1/agreements/2024/allocations/versions/1").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().jsonPath();
        Map<String, Long> totals = PUBLISHED.stream()
                .collect(Collectors.toMap(r -> r.get("region_code"), r -> Long.parseLong(r.get("total_sek"))));
        totals.forEach((region, total) -> assertEquals(total,
                v1.getLong("regions.find { it.regionCode == '" + region + "' }.totalSek"), region));
        given().get("/api/v1/agreements/2024/allocations/versions/3").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String key(String column) {
        return PUBLISHED.stream()
                .map(r -> "{\"regionCode\": \"" + r.get("region_code") + "\", \"weight\": " + r.get(column) + "}")
                .collect(Collectors.joining(", ", "{\"weights\": [", "]}"));
    }

    private ConsumerRecord<String, String> first(String type, String subject) {
        List<ConsumerRecord<String, String>> records = new KafkaProbe(kafka).read("allocation-events",
                r -> type.equals(KafkaProbe.header(r, "ce_type")) && subject.equals(KafkaProbe.header(r, "ce_subject")),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, records.size(), type + " " + subject + " on allocation-events");
        return records.get(0);
    }
}
