package se.kvinnohalsa.indicators.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One batch that creates, corrects and leaves rows alone at once, merged in one set-based statement: the counts
 * (also those a dryRun predicts, without storing), the history of exactly the corrected row, and the one event
 * naming exactly the periods and regions that changed.
 */
@QuarkusTest
class SetBasedMergeTest {

    private static final String CODE = "MERGE_TEST";
    private static final String PATH = "/api/v1/indicators/" + CODE + "/observations";
    private static final String HEADER = "region_code,period,value,numerator,denominator\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String history(String region, String day) {
        return "/api/v1/indicators/" + CODE + "/history?regionCode=" + region + "&period=" + day;
    }

    @Test
    void aMixedBatchCreatesCorrectsAndLeavesAloneInOneMerge() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", null);
        String first = Api.registry().contentType("text/csv").body(HEADER
                + "01,2024-01-31,50.5,505,1000\n"
                + "14,2024-01-31,60,,\n"
                + "SE,2024-02-29,70.25,7025,10000\n")
                .post(PATH).then().statusCode(200).body("created", equalTo(3)).extract().path("batchId");

        // 01 unchanged (same value written differently), 14 corrected, 23 and 25 new (on two dates).
        String mixed = HEADER
                + "01,2024-01-31,50.500,505,1000\n"
                + "14,2024-01-31,61,,\n"
                + "23,2024-03-31,80,,\n"
                + "25,2024-01-31,90,900,1000\n";
        Api.registry().contentType("text/csv").body(mixed).queryParam("dryRun", true).post(PATH).then()
                .statusCode(200).body("dryRun", equalTo(true)).body("received", equalTo(4))
                .body("created", equalTo(2)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        // The dryRun stored nothing.
        Api.admin().get(history("14", "2024-01-31")).then().statusCode(200).body("version", contains(1));
        Api.admin().get(history("23", "2024-03-31")).then().statusCode(404);

        String second = Api.registry().contentType("text/csv").body(mixed).post(PATH).then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(1)).body("unchanged", equalTo(1))
                .body("rejected", equalTo(0)).extract().path("batchId");

        Api.admin().get(history("14", "2024-01-31")).then().statusCode(200)
                .body("version", contains(2, 1)).body("value", contains(61f, 60f))
                .body("batchId", contains(second, first)).body("[1].supersededBy", equalTo(second));
        Api.admin().get(history("01", "2024-01-31")).then().statusCode(200)
                .body("version", contains(1)).body("batchId", contains(first));
        Api.admin().get(history("SE", "2024-02-29")).then().statusCode(200).body("$", hasSize(1));
        Api.admin().get(history("25", "2024-01-31")).then().statusCode(200)
                .body("version", contains(1)).body("numerator", contains(900)).body("batchId", contains(second));

        List<ConsumerRecord<String, String>> events = new KafkaProbe(kafka).read("indicator-events",
                r -> CODE.equals(r.key()) && r.value().contains(second), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, events.size(), "one event for the batch");
        JsonNode data = new ObjectMapper().readTree(events.get(0).value());
        data = data.has("data") ? data.get("data") : data;
        assertEquals("[\"2024-01-31/2024-01-31\",\"2024-03-31/2024-03-31\"]", data.get("periods").toString());
        assertEquals("[\"14\",\"23\",\"25\"]", data.get("regionCodes").toString());
        assertEquals(2, data.get("created").asInt());
        assertEquals(1, data.get("updated").asInt());

        // The same batch again changes nothing.
        Api.registry().contentType("text/csv").body(mixed).post(PATH).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4));
    }
}
