package se.kvinnohalsa.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.RawHttp;
import se.kvinnohalsa.stack.Infrastructure;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 304 and 204 through the gateway carry no Transfer-Encoding and no body (issue 12, item 4), read on one kept-alive
 * socket as strict clients read it; and a body too large for the service is a 413 problem+json from the gateway,
 * also when it streams without Content-Length (item 3).
 */
@QuarkusTest
class BodilessAndOversizedTest {

    /** Long enough for a slow machine; a client waiting for chunks that never come waits for ever. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI gateway;

    private RawHttp socket() throws Exception {
        return new RawHttp(gateway.getHost(), gateway.getPort(), READ_TIMEOUT);
    }

    @Test
    void aRevalidationAnswered304HasNoTransferEncodingAndTheConnectionStaysUsable() throws Exception {
        try (RawHttp http = socket()) {
            for (int round = 0; round < 3; round++) {
                RawHttp.Reply notModified = http.exchange("GET", "/api/v1/indicators/EFTERVARDSBESOK/not-modified",
                        "If-None-Match: \"v1\"");
                assertEquals(304, notModified.status(), notModified.head());
                assertNull(notModified.header("Transfer-Encoding"), notModified.head());
                assertEquals("\"v1\"", notModified.header("ETag"), notModified.head());
                assertEquals(0, notModified.body().length);
                // The next answer on the same connection starts exactly where the 304 ended.
                RawHttp.Reply next = http.exchange("GET", "/api/v1/regions");
                assertEquals(200, next.status(), next.head());
                assertTrue(next.text().contains("\"method\":\"GET\""), next.text());
            }
        }
    }

    @Test
    void a204HasNoTransferEncodingNoLengthAndNoBody() throws Exception {
        try (RawHttp http = socket()) {
            RawHttp.Reply noContent = http.exchange("GET", "/api/v1/agreements/no-content");
            assertEquals(204, noContent.status(), noContent.head());
            assertNull(noContent.header("Transfer-Encoding"), noContent.head());
            assertNull(noContent.header("Content-Length"), noContent.head());
            assertEquals(200, http.exchange("GET", "/api/v1/regions").status());
        }
    }

    @Test
    void aStreamedBodyTooLargeForTheServiceIs413FromTheGateway() throws Exception {
        // Chunked (no Content-Length): counted as it streams; allocation-service takes 1 MiB.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(
                "/api/v1/agreements/2025/regions/23/decision"))
                .header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("admin", null))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers
                        .ofInputStream(() -> new ByteArrayInputStream(new byte[2 * 1024 * 1024])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        // Just under the limit it streams through to the service.
        HttpResponse<String> fits = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(
                "/api/v1/agreements/2025/regions/23/decision"))
                .header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("admin", null))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[1024 * 1024])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fits.statusCode(), fits.body());
    }
}
