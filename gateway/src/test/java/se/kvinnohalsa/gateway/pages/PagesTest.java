package se.kvinnohalsa.gateway.pages;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages and assets as the gateway serves them: headers, caching, compression, 404s, and nothing inline. */
@QuarkusTest
class PagesTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"?]+)\\?v=([0-9a-f]+)\"");

    @TestHTTPResource("/")
    URI root;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ar/2024", "/indikatorer", "/indikatorer/EFTERVARDSBESOK", "/regioner",
            "/regioner/23", "/ar/2024?x=1"})
    void everyPageIsTheShellWithAStrictPolicy(String path) {
        given().get(path).then().statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .header("ETag", startsWith("\""))
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("data-page=\"" + Page.of(path.replaceAll("\\?.*", "")).orElseThrow().scriptName()
                        + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ar/abcd", "/ar/2024/x", "/regioner/999", "/indikatorer/a/b", "/regioner/SE"})
    void anyOtherPathUnderThePagesIsASwedish404(String path) {
        given().get(path).then().statusCode(404).contentType("text/html")
                .header("Content-Security-Policy", CSP)
                .body(containsString("Sidan finns inte"));
    }

    @Test
    void theApiAndOtherPathsAreNotPages() {
        given().get("/arkiv").then().statusCode(404).body(not(containsString("Sidan finns inte")));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(containsString("json"))
                .body(not(containsString("Sidan finns inte")));
    }

    @Test
    void anUnchangedPageIsNotSentAgain() {
        String etag = given().get("/ar/2024").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/ar/2024").then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "\"other\"").get("/ar/2024").then().statusCode(200);
    }

    @Test
    void headAnswersTheLengthWithoutABody() {
        given().head("/regioner").then().statusCode(200).header("Content-Length", not(equalTo("0")))
                .body(emptyString());
    }

    @Test
    void pagesAndAssetsAreGzippedWhenTheClientAcceptsIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/ar/2024", "/assets/dashboard.css")) {
            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(root.resolve(path))
                    .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), path);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
            assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(null));
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertEquals(new String(plain.body(), StandardCharsets.UTF_8),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
            }
            assertTrue(gzipped.body().length < plain.body().length, path);
        }
    }

    @Test
    void assetsLinkedByFingerprintAreKeptForAYearOthersAreRevalidated() {
        Response page = given().get("/");
        Matcher assets = ASSET.matcher(page.asString());
        int count = 0;
        while (assets.find()) {
            String path = assets.group(1);
            String fingerprint = assets.group(2);
            given().get(path + "?v=" + fingerprint).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("ETag", "\"" + fingerprint + "\"")
                    .header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff");
            given().get(path).then().statusCode(200).header("Cache-Control", "no-cache");
            given().get(path + "?v=0000").then().statusCode(200).header("Cache-Control", "no-cache");
            count++;
        }
        assertTrue(count >= 4, "css, scripts and icon");
        given().get("/assets/kh-core.js").then().contentType("text/javascript");
        given().get("/assets/dashboard.css").then().contentType("text/css");
        given().get("/assets/favicon.svg").then().contentType("image/svg+xml");
        given().get("/assets/nothing.js").then().statusCode(404).contentType("text/html");
        given().get("/assets/../application.properties").then().statusCode(404);
    }

    /**
     * The strict policy holds only if nothing is inline: no script or style element with content, no style or event
     * handler attribute in the pages, and the scripts build the DOM without HTML strings or eval.
     */
    @Test
    void nothingInlineAndNoHtmlFromStrings() {
        for (String path : List.of("/", "/ar/abcd")) {
            String html = given().get(path).asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline script");
            assertFalse(html.contains("<style"), "style element");
            assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "style attribute");
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "event handler attribute");
        }
        for (String path : linked()) {
            if (!path.endsWith(".js")) {
                continue;
            }
            String script = given().get(path).asString();
            for (String unsafe : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function", "setAttribute('style'", "cssText")) {
                assertFalse(script.contains(unsafe), path + " uses " + unsafe);
            }
        }
    }

    private List<String> linked() {
        Matcher assets = ASSET.matcher(given().get("/").asString());
        List<String> paths = new ArrayList<>();
        while (assets.find()) {
            paths.add(assets.group(1));
        }
        return paths;
    }
}
