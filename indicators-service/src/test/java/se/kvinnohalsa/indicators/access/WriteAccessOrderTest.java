package se.kvinnohalsa.indicators.access;

import io.quarkus.test.junit.QuarkusTest;
import se.kvinnohalsa.stack.testing.WriteAccessOrder;

import java.util.stream.Stream;

/** 403 before 400/422 on every write endpoint of indicators-service. */
@QuarkusTest
class WriteAccessOrderTest extends WriteAccessOrder {

    private static final String OBSERVATIONS = "/api/v1/indicators/EFTERVARDSBESOK/observations";

    static Stream<WriteEndpoint> writeEndpoints() {
        return Stream.of(
                new WriteEndpoint("PUT", "/api/v1/indicators/ACCESS_ORDER", "application/json",
                        "{\"name\": \"\", \"unit\": \"PERCENT\"}", "registry", null),
                new WriteEndpoint("PUT", "/api/v1/indicators/ACCESS_ORDER", "application/json", "{\"name\": 7",
                        "reporter", "01"),
                new WriteEndpoint("POST", OBSERVATIONS, "application/json", "[{\"regionCode\": \"01\",", "analyst",
                        null),
                new WriteEndpoint("POST", OBSERVATIONS, "text/csv", "region_code,value\n01,90\n", "reporter", "01"),
                new WriteEndpoint("POST", OBSERVATIONS + "?dryRun=maybe", "text/csv", "region_code\n", "analyst",
                        null));
    }
}
