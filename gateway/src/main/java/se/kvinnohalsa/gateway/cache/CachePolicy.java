package se.kvinnohalsa.gateway.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * What a shared cache may keep and serve (RFC 9111), narrowed to what is safe for this platform: only answers to
 * anonymous requests, so that a view that depends on who asks (an admin's unsuppressed indicators, a reporter's
 * draft) can never reach someone else, whatever the service's headers say. Plain, without Quarkus.
 */
public final class CachePolicy {

    /** What the cache does with a request. */
    public enum Use {
        /** Answered from memory if a fresh answer is stored; a forwarded answer may be stored. */
        LOOKUP,
        /** Forwarded (the client wants a fresh answer: no-cache, max-age=0), but its answer may be stored. */
        STORE_ONLY,
        /** Neither: not an anonymous, plain GET. */
        BYPASS
    }

    /**
     * Headers never stored: hop-by-hop ones (RFC 9110 7.6.1), the per-request id, the age and date (set when
     * served).
     */
    static final Set<String> NOT_STORED = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization", "x-request-id", "age",
            "date", "content-length", "cache-status");
    private static final int OK = 200;

    private CachePolicy() {
    }

    /**
     * A GET without credentials (Authorization, Cookie) and without a range may use the cache; no-store in the request
     * forbids storing its answer, no-cache or max-age=0 only looking up.
     */
    public static Use use(String method, Function<String, String> header) {
        if (!"GET".equals(method) || header.apply("Authorization") != null || header.apply("Cookie") != null
                || header.apply("Range") != null) {
            return Use.BYPASS;
        }
        List<String> directives = directives(header.apply("Cache-Control"));
        if (directives.contains("no-store")) {
            return Use.BYPASS;
        }
        String pragma = header.apply("Pragma");
        if (directives.contains("no-cache") || directives.contains("max-age=0")
                || pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache")) {
            return Use.STORE_ONLY;
        }
        return Use.LOOKUP;
    }

    /**
     * How many seconds the answer stays fresh in a shared cache, or empty when it may not be stored: only a 200 that
     * says for how long (s-maxage, else max-age) and is neither private, no-cache nor no-store, sets no cookie and
     * does not vary on everything.
     */
    public static OptionalLong freshSeconds(int status, Function<String, String> header) {
        if (status != OK || header.apply("Set-Cookie") != null) {
            return OptionalLong.empty();
        }
        String vary = header.apply("Vary");
        if (vary != null && vary.contains("*")) {
            return OptionalLong.empty();
        }
        List<String> directives = directives(header.apply("Cache-Control"));
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String directive : directives) {
            // private and no-cache with field names (private="x") still mean: not from a shared cache.
            if (directive.equals("no-store") || directive.startsWith("private") || directive.startsWith("no-cache")) {
                return OptionalLong.empty();
            }
            if (directive.startsWith("max-age=")) {
                maxAge = seconds(directive.substring("max-age=".length()));
            } else if (directive.startsWith("s-maxage=")) {
                sharedMaxAge = seconds(directive.substring("s-maxage=".length()));
            }
        }
        long fresh = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
        long age = seconds(header.apply("Age") == null ? "0" : header.apply("Age").trim());
        if (fresh <= 0 || age < 0 || fresh - age <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(fresh - age);
    }

    /** The request headers an answer varies on, lower case, in the order the answer names them. */
    public static List<String> varyNames(String vary) {
        List<String> names = new ArrayList<>();
        if (vary != null) {
            for (String name : vary.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty() && !names.contains(trimmed)) {
                    names.add(trimmed);
                }
            }
        }
        return names;
    }

    /**
     * The key of one variant: the request target and the values the request has for each header the answer varies
     * on (absent and empty are told apart).
     */
    public static String key(String uri, List<String> varyNames, Function<String, String> header) {
        StringBuilder key = new StringBuilder(uri);
        for (String name : varyNames) {
            String value = header.apply(name);
            key.append('\n').append(name).append(value == null ? "\u0000" : ":" + value);
        }
        return key.toString();
    }

    static List<String> directives(String cacheControl) {
        List<String> directives = new ArrayList<>();
        if (cacheControl != null) {
            for (String directive : cacheControl.split(",")) {
                String trimmed = directive.trim().toLowerCase(Locale.ROOT).replace("\"", "");
                if (!trimmed.isEmpty()) {
                    directives.add(trimmed);
                }
            }
        }
        return directives;
    }

    /** A delta-seconds value; -1 when it is not one. */
    private static long seconds(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(value);
    }
}
