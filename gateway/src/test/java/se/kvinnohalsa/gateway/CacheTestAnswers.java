package se.kvinnohalsa.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream answers for the gateway's shared cache tests, on paths {@code .../cache-test/<kind>}. Every answer carries
 * {@code "n"}, how many times the stub has answered that path: the same n twice means the gateway answered the second
 * time from memory. A request with a token gets the "private" view (as an admin's unsuppressed indicators, a
 * reporter's report), and the stub marks even that one public and cacheable: the gateway must not trust it.
 */
final class CacheTestAnswers {

    static final int BIG_BYTES = 100 * 1024;
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private CacheTestAnswers() {
    }

    static void answer(HttpServerRequest request) {
        String path = request.path();
        String kind = path.substring(path.lastIndexOf('/') + 1);
        int n = COUNTS.computeIfAbsent(request.uri(), p -> new AtomicInteger()).incrementAndGet();
        String authorization = request.getHeader("Authorization");
        HttpServerResponse response = request.response().putHeader("Content-Type", "application/json");
        String view = authorization == null ? "public" : "private";
        String extra = "";
        switch (kind) {
            case "public" -> response.putHeader("Cache-Control", "public, max-age=60")
                    .putHeader("Vary", "Authorization").putHeader("ETag", "\"" + view + "-v1\"");
            case "vary-language" -> {
                response.putHeader("Cache-Control", "max-age=60").putHeader("Vary", "Accept-Language");
                extra = ",\"language\":\"" + request.getHeader("Accept-Language") + "\"";
            }
            case "private" -> response.putHeader("Cache-Control", "private, max-age=60");
            case "no-store" -> response.putHeader("Cache-Control", "no-store, max-age=60");
            case "no-cache" -> response.putHeader("Cache-Control", "no-cache, max-age=60");
            case "shared-max-age-zero" -> response.putHeader("Cache-Control", "max-age=60, s-maxage=0");
            case "vary-everything" -> response.putHeader("Cache-Control", "max-age=60").putHeader("Vary", "*");
            case "cookie" -> response.putHeader("Cache-Control", "max-age=60").putHeader("Set-Cookie", "s=1");
            case "uncacheable" -> {
                // no Cache-Control at all: nothing says it may be kept
            }
            case "big" -> {
                response.putHeader("Cache-Control", "max-age=60");
                char[] filler = new char[BIG_BYTES];
                Arrays.fill(filler, 'x');
                extra = ",\"filler\":\"" + new String(filler) + "\"";
            }
            case "short" -> response.putHeader("Cache-Control", "max-age=2");
            default -> response.putHeader("Cache-Control", "max-age=60");
        }
        if (authorization != null) {
            // Even the token's view claims to be public: only the gateway's own rule keeps it out.
            response.headers().set("Cache-Control", "public, max-age=60");
        }
        String body = "{\"view\":\"" + view + "\",\"n\":" + n + extra + "}";
        response.end(Buffer.buffer(body));
    }
}
