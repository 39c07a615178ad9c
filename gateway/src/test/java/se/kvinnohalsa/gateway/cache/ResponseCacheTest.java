package se.kvinnohalsa.gateway.cache;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.gateway.events.DomainEventReceived;
import se.kvinnohalsa.gateway.events.SseClient;
import se.kvinnohalsa.gateway.events.TestEvents;
import se.kvinnohalsa.gateway.system.RawHttp;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.LocalKeys;
import se.kvinnohalsa.stack.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's shared cache over real HTTP against a stub service (CacheTestAnswers) that numbers its answers: an
 * answer whose number repeats came from the gateway's memory. It tries to leak what depends on a token (an admin's
 * unsuppressed view, a reporter's answer) to the public, while the service even marks those answers public.
 */
@QuarkusTest
class ResponseCacheTest {

    private static final Pattern N = Pattern.compile("\"n\":(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    Event<DomainEventReceived> events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Valid tokens for this gateway: its key, issuer and audience. */
    private final Tokens tokens = new Tokens(Infrastructure.shared().keys().privateKey(), LocalKeys.ISSUER,
            ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class).split(",")[0].trim());

    /** A path no other test has asked for, so that each test starts with nothing stored. */
    private static String fresh(String prefix, String kind) {
        return prefix + "/" + UUID.randomUUID() + "/cache-test/" + kind;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int n(HttpResponse<String> response) {
        Matcher matcher = N.matcher(response.body());
        assertTrue(matcher.find(), response.body());
        return Integer.parseInt(matcher.group(1));
    }

    private static boolean hit(HttpResponse<String> response) {
        return response.headers().firstValue("Cache-Status").orElse("").contains("; hit");
    }

    @Test
    void aPublicAnswerIsServedFromMemoryWithItsHeadersAndAnAge() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        HttpResponse<String> first = get(path);
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Cache-Status").orElse("").contains("stored"), first.headers().map()
                .toString());
        HttpResponse<String> second = get(path);
        assertEquals(200, second.statusCode());
        assertEquals(n(first), n(second), "the second answer came from the gateway's memory");
        assertTrue(hit(second));
        assertEquals(first.body(), second.body());
        assertEquals("\"public-v1\"", second.headers().firstValue("ETag").orElseThrow());
        assertEquals("public, max-age=60", second.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("application/json", second.headers().firstValue("Content-Type").orElseThrow());
        assertNotNull(second.headers().firstValue("Age").orElse(null));
        assertNotEquals(first.headers().firstValue("X-Request-Id"), second.headers().firstValue("X-Request-Id"),
                "each answer has its own request id");
    }

    @Test
    void anAdminsViewIsNeverStoredNorServedToThePublic() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        String admin = "Bearer " + tokens.issue("admin", null);
        HttpResponse<String> adminFirst = get(path, "Authorization", admin);
        assertTrue(adminFirst.body().contains("\"view\":\"private\""), adminFirst.body());
        HttpResponse<String> anonymous = get(path);
        assertTrue(anonymous.body().contains("\"view\":\"public\""), anonymous.body());
        assertFalse(hit(anonymous));
        assertEquals(n(adminFirst) + 1, n(anonymous), "the admin's answer was not kept for the public");
        // Now the public view is stored: the admin still gets the admin's own, from the service.
        assertTrue(hit(get(path)));
        HttpResponse<String> adminAgain = get(path, "Authorization", admin);
        assertTrue(adminAgain.body().contains("\"view\":\"private\""), adminAgain.body());
        assertFalse(hit(adminAgain));
        assertEquals(n(anonymous) + 1, n(adminAgain));
        HttpResponse<String> publicAgain = get(path);
        assertTrue(publicAgain.body().contains("\"view\":\"public\""), publicAgain.body());
        assertEquals(n(anonymous), n(publicAgain));
    }

    @Test
    void aReportersAnswerNeverReachesAnyoneElse() throws Exception {
        String path = fresh("/api/v1/agreements/2024/regions/23", "report");
        String reporter = "Bearer " + tokens.issue("reporter", "23");
        HttpResponse<String> own = get(path, "Authorization", reporter);
        assertTrue(own.body().contains("\"view\":\"private\""), own.body());
        HttpResponse<String> ownAgain = get(path, "Authorization", reporter);
        assertEquals(n(own) + 1, n(ownAgain), "a token's request is never answered from memory, not even its own");
        HttpResponse<String> anonymous = get(path);
        assertTrue(anonymous.body().contains("\"view\":\"public\""), anonymous.body());
        HttpResponse<String> otherRegion = get(path, "Authorization", "Bearer " + tokens.issue("reporter", "01"));
        assertEquals(n(anonymous) + 1, n(otherRegion), "nor is another token's request answered from memory");
    }

    @Test
    void aCookieOrAnyAuthorizationKeepsARequestAwayFromTheCache() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        get(path);
        assertTrue(hit(get(path)));
        HttpResponse<String> withCookie = get(path, "Cookie", "session=abc");
        assertFalse(hit(withCookie));
        HttpResponse<String> basic = get(path, "Authorization", "Basic dXNlcjpwYXNz");
        assertEquals(401, basic.statusCode(), "not a bearer token: refused, never the stored answer");
        assertFalse(hit(basic));
        assertTrue(get(path).body().contains("\"view\":\"public\""));
    }

    @Test
    void varyKeepsOneAnswerPerValueOfTheNamedHeader() throws Exception {
        String path = fresh("/api/v1/indicators", "vary-language");
        HttpResponse<String> swedish = get(path, "Accept-Language", "sv");
        HttpResponse<String> english = get(path, "Accept-Language", "en");
        HttpResponse<String> none = get(path);
        assertTrue(swedish.body().contains("\"language\":\"sv\""));
        assertTrue(english.body().contains("\"language\":\"en\""));
        assertTrue(none.body().contains("\"language\":\"null\""));
        assertEquals(3, n(none));
        HttpResponse<String> swedishAgain = get(path, "Accept-Language", "sv");
        HttpResponse<String> englishAgain = get(path, "Accept-Language", "en");
        HttpResponse<String> noneAgain = get(path);
        assertEquals(swedish.body(), swedishAgain.body());
        assertEquals(english.body(), englishAgain.body());
        assertEquals(none.body(), noneAgain.body());
        assertTrue(hit(swedishAgain) && hit(englishAgain) && hit(noneAgain));
        assertEquals("Accept-Language", swedishAgain.headers().firstValue("Vary").orElseThrow());
    }

    @Test
    void whatTheServiceDoesNotAllowASharedCacheToKeepIsAskedForEachTime() throws Exception {
        for (String kind : new String[]{"private", "no-store", "no-cache", "shared-max-age-zero", "vary-everything",
                "cookie", "uncacheable", "big"}) {
            String path = fresh("/api/v1/indicators", kind);
            HttpResponse<String> first = get(path);
            HttpResponse<String> second = get(path);
            assertEquals(200, second.statusCode(), kind);
            assertEquals(n(first) + 1, n(second), kind + " was answered from memory");
            assertFalse(hit(second), kind);
        }
    }

    @Test
    void aClientAskingForAFreshAnswerGetsOneAndRenewsTheStoredOne() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        HttpResponse<String> first = get(path);
        HttpResponse<String> revalidated = get(path, "Cache-Control", "no-cache");
        assertEquals(n(first) + 1, n(revalidated));
        assertEquals(n(revalidated), n(get(path)), "the fresh answer replaced the stored one");
        HttpResponse<String> noStore = get(path, "Cache-Control", "no-store");
        assertEquals(n(revalidated) + 1, n(noStore));
        assertEquals(n(revalidated), n(get(path)), "an answer to no-store is not kept");
    }

    @Test
    void aMatchingIfNoneMatchIsA304FromMemoryWithoutBodyOrTransferEncoding() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        get(path);
        try (RawHttp http = new RawHttp(gateway.getHost(), gateway.getPort(), Duration.ofSeconds(20))) {
            RawHttp.Reply notModified = http.exchange("GET", path, "If-None-Match: W/\"public-v1\"");
            assertEquals(304, notModified.status(), notModified.head());
            assertEquals(0, notModified.body().length);
            assertNull(notModified.header("Transfer-Encoding"), notModified.head());
            assertEquals("\"public-v1\"", notModified.header("ETag"));
            assertTrue(notModified.header("Cache-Status").contains("hit"), notModified.head());
            RawHttp.Reply other = http.exchange("GET", path, "If-None-Match: \"other\"");
            assertEquals(200, other.status(), other.head());
            assertTrue(other.text().contains("\"n\":1"), other.text());
        }
    }

    @Test
    void aDomainEventDropsWhatIsStored() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        HttpResponse<String> first = get(path);
        assertTrue(hit(get(path)));
        events.fire(new DomainEventReceived("indicator-events", "se.kvinnohalsa.indicator.observations-changed.v1",
                "EFTERVARDSBESOK", "EFTERVARDSBESOK", "{}"));
        HttpResponse<String> after = get(path);
        assertFalse(hit(after));
        assertEquals(n(first) + 1, n(after), "after the event the service was asked again");
        assertTrue(hit(get(path)), "and its new answer is kept");
    }

    @Test
    void anEventFromKafkaEmptiesTheCacheBeforeAnyStreamShowsIt() throws Exception {
        String path = fresh("/api/v1/indicators", "public");
        try (TestEvents kafkaEvents = new TestEvents(kafka);
                SseClient stream = SseClient.open(gateway.resolve("/api/v1/events"), Map.of())) {
            stream.nextEvent(m -> "ready".equals(m.event()), WAIT);
            for (int round = 0; round < 3; round++) {
                HttpResponse<String> stored = get(path);
                assertTrue(hit(get(path)), "stored before the event");
                String id = "cache-" + UUID.randomUUID();
                kafkaEvents.send(new ReportSubmittedV1(2025, "23", Instant.now(), false, 100L, true, null, true), id,
                        Instant.now());
                stream.nextEvent(m -> m.data().contains(id), WAIT);
                // A dashboard fetches again as soon as its stream shows the event: never the answer from before.
                HttpResponse<String> after = get(path);
                assertFalse(hit(after), "round " + round);
                assertTrue(n(after) > n(stored), "round " + round);
            }
        }
    }

    @Test
    void aStaleAnswerIsNotServed() throws Exception {
        String path = fresh("/api/v1/indicators", "short");
        HttpResponse<String> first = get(path);
        assertTrue(hit(get(path)));
        Thread.sleep(2_100);
        HttpResponse<String> later = get(path);
        assertEquals(n(first) + 1, n(later), "max-age=2 is over: asked again");
    }
}
