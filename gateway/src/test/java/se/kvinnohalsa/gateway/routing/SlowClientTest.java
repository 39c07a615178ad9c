package se.kvinnohalsa.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.RawHttp;
import se.kvinnohalsa.stack.Infrastructure;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send part of a body and stall are cut off with 408 (gateway.request-body-timeout, 1 s in tests) and
 * do not count as failures of the service behind: five of them leave its circuit breaker closed. Five requests that
 * were sent whole and got no answer in time (the service's own failure) still open it.
 */
@QuarkusTest
class SlowClientTest {

    private static final int STALLED = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL gateway;

    private static String head(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nAuthorization: Bearer "
                + Infrastructure.shared().tokens().issue("admin", null)
                + "\r\nContent-Type: application/json\r\nX-Request-Id: slow-client\r\n";
    }

    private static <T> List<T> inParallel(int times, Supplier<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                calls.add(CompletableFuture.supplyAsync(call, pool));
            }
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> c : calls) {
                results.add(c.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stalledBodiesGet408AndLeaveTheBreakerClosed() throws Exception {
        awaitAllocationRoutable();
        for (int round = 0; round < 2; round++) {
            List<RawHttp.Reply> replies = inParallel(STALLED, () -> RawHttp.stall(gateway.getPort(),
                    head("POST", "/api/v1/agreements/stalled"), 1000, "{\"year\": 20", PATIENCE));
            for (RawHttp.Reply reply : replies) {
                assertEquals(408, reply.status(), reply.toString());
                assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.toString());
                assertTrue(reply.body().contains("\"status\":408"), reply.body());
                assertEquals("close", reply.header("Connection"), "the unread rest of the body ends the connection");
            }
            // The service is as available as before: no 503 from an open breaker, on this route or another.
            given().get("/api/v1/agreements/2024").then().statusCode(200);
            given().get("/api/v1/regions").then().statusCode(200);
        }
    }

    @Test
    void requestsSentWholeThatGetNoAnswerStillOpenTheBreaker() throws Exception {
        awaitAllocationRoutable();
        List<RawHttp.Reply> replies = inParallel(STALLED, () -> RawHttp.exchange("127.0.0.1", gateway.getPort(),
                head("POST", "/api/v1/agreements/slow"), "{\"year\": 2024}", PATIENCE));
        replies.forEach(r -> assertEquals(504, r.status(), r.toString()));
        given().get("/api/v1/agreements/2024").then().statusCode(503).contentType("application/problem+json");
        given().get("/api/v1/regions").then().statusCode(503);
        awaitAllocationRoutable(); // leave the breaker closed for the other tests
    }

    /** Another test may have opened the allocation breaker (open 2 s in tests): wait for its successful trial. */
    private static void awaitAllocationRoutable() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (given().get("/api/v1/regions").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        given().get("/api/v1/regions").then().statusCode(200);
    }
}
