package se.kvinnohalsa.gateway.routing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W3C trace context through the gateway: the service gets a traceparent of the caller's trace, naming the gateway's own
 * span as its parent; a caller without one gets a trace started at the gateway. (The echo upstream returns what it
 * received.)
 */
@QuarkusTest
class TraceForwardingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$";

    @Test
    void theCallersTraceContinuesToTheService() {
        String forwarded = given().header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/regions").then().statusCode(200).extract().path("headers.traceparent");
        assertTrue(forwarded.matches(TRACEPARENT), forwarded);
        String[] parts = forwarded.split("-");
        assertEquals(TRACE, parts[1], "the same trace");
        assertNotEquals(CALLER_SPAN, parts[2], "the gateway's span is the service's parent, not the caller's");
    }

    @Test
    void aCallWithoutTraceContextStartsATraceAtTheGateway() {
        String first = given().get("/api/v1/regions").then().statusCode(200).extract().path("headers.traceparent");
        String second = given().get("/api/v1/regions").then().statusCode(200).extract().path("headers.traceparent");
        assertTrue(first.matches(TRACEPARENT), first);
        assertNotEquals(first.split("-")[1], second.split("-")[1], "each call its own trace");
    }
}
