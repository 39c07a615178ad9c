package se.kvinnohalsa.gateway.limit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.Infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per client (here: one token subject) a burst beyond the limit is answered 429 with Retry-After; others are not affected. */
@QuarkusTest
class RateLimitTest {

    private static final int REQUESTS = 400;

    @TestHTTPResource("/api/v1/regions")
    URI regions;

    @Test
    void aBurstBeyondTheLimitGets429WithRetryAfter() {
        String token = Infrastructure.shared().tokens().issue("rate-limit-test-client", "analyst", null,
                Duration.ofMinutes(5));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(regions).header("Authorization", "Bearer " + token).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> limited = sent.stream().map(CompletableFuture::join)
                .filter(r -> r.statusCode() == 429).toList();
        assertTrue(limited.size() > 0, "the burst of " + REQUESTS + " exceeded the limit");
        HttpResponse<String> first = limited.get(0);
        assertTrue(first.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L) >= 1);
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(first.body().contains("\"status\":429"), first.body());

        String other = Infrastructure.shared().tokens().issue("rate-limit-test-other", "analyst", null,
                Duration.ofMinutes(5));
        HttpResponse<String> unaffected = client
                .sendAsync(HttpRequest.newBuilder(regions).header("Authorization", "Bearer " + other).build(),
                        HttpResponse.BodyHandlers.ofString())
                .join();
        assertEquals(200, unaffected.statusCode(), "another client has its own bucket");
    }
}
