package se.kvinnohalsa.gateway.cache;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CachePolicyTest {

    private static Function<String, String> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map::get;
    }

    @Test
    void onlyAnonymousPlainGetsUseTheCache() {
        assertEquals(CachePolicy.Use.LOOKUP, CachePolicy.use("GET", headers()));
        assertEquals(CachePolicy.Use.LOOKUP, CachePolicy.use("GET", headers("If-None-Match", "\"a\"")));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("GET", headers("Authorization", "Bearer x")));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("GET", headers("authorization", "Basic x")));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("GET", headers("Cookie", "s=1")));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("GET", headers("Range", "bytes=0-1")));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("HEAD", headers()));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("POST", headers()));
        assertEquals(CachePolicy.Use.BYPASS, CachePolicy.use("GET", headers("Cache-Control", "No-Store")));
        assertEquals(CachePolicy.Use.STORE_ONLY, CachePolicy.use("GET", headers("Cache-Control", "no-cache")));
        assertEquals(CachePolicy.Use.STORE_ONLY, CachePolicy.use("GET", headers("Cache-Control", "max-age=0")));
        assertEquals(CachePolicy.Use.STORE_ONLY, CachePolicy.use("GET", headers("Pragma", "no-cache")));
    }

    @Test
    void onlyA200ThatSaysForHowLongAndIsNotPrivateIsKept() {
        assertEquals(OptionalLong.of(30), CachePolicy.freshSeconds(200, headers("Cache-Control", "max-age=30")));
        assertEquals(OptionalLong.of(30), CachePolicy.freshSeconds(200, headers("Cache-Control",
                "public, max-age=30", "Vary", "Authorization")));
        assertEquals(OptionalLong.of(5), CachePolicy.freshSeconds(200, headers("Cache-Control",
                "max-age=30, s-maxage=5")), "s-maxage is the shared cache's");
        assertEquals(OptionalLong.of(20), CachePolicy.freshSeconds(200, headers("Cache-Control", "max-age=30",
                "Age", "10")), "the age it already has is taken off");
        for (String cacheControl : new String[]{"private, max-age=30", "private=\"x\", max-age=30",
                "no-store, max-age=30", "no-cache, max-age=30", "no-cache=\"set-cookie\", max-age=30", "max-age=0",
                "max-age=30, s-maxage=0", "public", "max-age=abc", "max-age=-1", "max-age=99999999999999999999"}) {
            assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(200, headers("Cache-Control", cacheControl)),
                    cacheControl);
        }
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(200, headers()));
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(404, headers("Cache-Control", "max-age=30")));
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(206, headers("Cache-Control", "max-age=30")));
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(200, headers("Cache-Control", "max-age=30",
                "Set-Cookie", "s=1")));
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(200, headers("Cache-Control", "max-age=30",
                "Vary", "Accept, *")));
        assertEquals(OptionalLong.empty(), CachePolicy.freshSeconds(200, headers("Cache-Control", "max-age=30",
                "Age", "30")));
    }

    @Test
    void variantsAreKeyedByTheValuesOfTheHeadersTheAnswerVariesOn() {
        List<String> names = CachePolicy.varyNames(" Accept-Language, accept ,ACCEPT-language");
        assertEquals(List.of("accept-language", "accept"), names);
        String swedish = CachePolicy.key("/x", names, headers("Accept-Language", "sv"));
        String english = CachePolicy.key("/x", names, headers("Accept-Language", "en"));
        String none = CachePolicy.key("/x", names, headers());
        String empty = CachePolicy.key("/x", names, headers("Accept-Language", ""));
        assertNotEquals(swedish, english);
        assertNotEquals(none, empty, "an absent header is not an empty one");
        assertEquals(swedish, CachePolicy.key("/x", names, headers("accept-language", "sv")));
        assertNotEquals(CachePolicy.key("/x?a=1", List.of(), headers()), CachePolicy.key("/x?a=2", List.of(),
                headers()));
        assertEquals(List.of(), CachePolicy.varyNames(null));
    }
}
