package se.kvinnohalsa.allocation.access;

import io.quarkus.test.junit.QuarkusTest;
import se.kvinnohalsa.stack.testing.WriteAccessOrder;

import java.util.stream.Stream;

/** 403 before 400/422 on every write endpoint of allocation-service. */
@QuarkusTest
class WriteAccessOrderTest extends WriteAccessOrder {

    private static final String JSON = "application/json";
    private static final String DECISION = "/api/v1/agreements/2025/regions/23/decision";

    static Stream<WriteEndpoint> writeEndpoints() {
        return Stream.of(
                new WriteEndpoint("POST", "/api/v1/agreements", JSON, "{\"year\": \"twenty\"}", "reporter", "23"),
                new WriteEndpoint("POST", "/api/v1/agreements", JSON, "{\"year\": 2090}", "analyst", null),
                new WriteEndpoint("PUT", "/api/v1/agreements/2090/pools/POPULATION/key", JSON, "{\"weights\": 7}",
                        "reporter", "23"),
                new WriteEndpoint("PUT", "/api/v1/agreements/2090/pools/POPULATION/amounts", JSON, "{\"amounts\": [",
                        "registry", null),
                new WriteEndpoint("PUT", DECISION, JSON, "{\"lines\": \"many\"}", "reporter", "01"),
                new WriteEndpoint("PUT", DECISION, JSON, "{\"reference\": \"\", \"lines\": []}", "reporter", "01"),
                new WriteEndpoint("PUT", DECISION, JSON, "{\"reference\": \"\", \"lines\": []}", "analyst", null),
                WriteEndpoint.withoutBody("POST", "/admin/outbox/replay?since=yesterday", "reporter", "23"));
    }
}
