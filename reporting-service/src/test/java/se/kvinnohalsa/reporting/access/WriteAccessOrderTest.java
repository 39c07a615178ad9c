package se.kvinnohalsa.reporting.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.testing.WriteAccessOrder;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** 403 before 400/422 on every write endpoint of reporting-service. Owns the year 2038. */
@QuarkusTest
class WriteAccessOrderTest extends WriteAccessOrder {

    private static final int YEAR = 2038;
    private static final String JSON = "application/json";
    private static final String REPORT = "/api/v1/reports/" + YEAR + "/05";

    @BeforeEach
    void agreementKnown() {
        // So that an admin's bad report gets past the year's 404 to its 422.
        Api.agreementOnce(YEAR, LocalDate.parse("2039-03-31"), List.of("EFTERVARD"));
    }

    static Stream<WriteEndpoint> writeEndpoints() {
        String tooLongTitle = "x".repeat(201);
        return Stream.of(
                new WriteEndpoint("PUT", REPORT, JSON, "{\"spending\": {\"lines\": 5}}", "reporter", "06"),
                new WriteEndpoint("PUT", REPORT, JSON, "{\"activities\": [{\"title\": \"" + tooLongTitle + "\"}]}",
                        "reporter", "06"),
                new WriteEndpoint("PUT", REPORT, JSON, "{\"activities\": [{\"title\": \"" + tooLongTitle + "\"}]}",
                        "analyst", null),
                WriteEndpoint.withoutBody("POST", REPORT + "/submission?receivedAt=yesterday", "reporter", "06"),
                new WriteEndpoint("POST", REPORT + "/review", JSON, "{\"decision\": \"MAYBE\"}", "reporter", "05"),
                new WriteEndpoint("POST", REPORT + "/review", JSON, "{\"decision\": null}", "reporter", "05"));
    }
}
