package se.kvinnohalsa.gateway.pages;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageShellTest {

    private static final String TEMPLATE = """
            <html><link rel="stylesheet" href="{{asset:app.css}}"><script src="{{asset:app.js}}" defer></script>
            <body data-page="{{page}}"></body></html>""";
    private static final String NOT_FOUND = "<html><link rel=\"stylesheet\" href=\"{{asset:app.css}}\">404</html>";

    private static PageShell shell(Map<String, String> assets) {
        return new PageShell(TEMPLATE, NOT_FOUND,
                name -> Optional.ofNullable(assets.get(name)).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String html(PageShell.Content content) {
        return new String(content.body(), StandardCharsets.UTF_8);
    }

    @Test
    void assetsAreLinkedByTheirContentsFingerprint() {
        PageShell one = shell(Map.of("app.css", "body{}", "app.js", "let a = 1;"));
        PageShell other = shell(Map.of("app.css", "body{}", "app.js", "let a = 2;"));
        String page = html(one.page(Page.YEAR));
        assertThat(page, matchesPattern("(?s).*href=\"/assets/app\\.css\\?v=[0-9a-f]{16}\".*"));
        String js = one.asset("app.js").orElseThrow().fingerprint();
        assertThat(page, containsString("/assets/app.js?v=" + js));
        assertNotEquals(js, other.asset("app.js").orElseThrow().fingerprint(), "a changed file gets a new URL");
        assertEquals(one.asset("app.css").orElseThrow().fingerprint(),
                other.asset("app.css").orElseThrow().fingerprint());
        assertThat(page, not(containsString("{{")));
    }

    @Test
    void eachPageTellsItsScriptWhichPageItIs() {
        PageShell shell = shell(Map.of("app.css", "body{}", "app.js", ""));
        assertThat(html(shell.page(Page.REGION)), containsString("data-page=\"region\""));
        assertThat(html(shell.page(Page.LATEST_YEAR)), containsString("data-page=\"latest-year\""));
        assertNotEquals(shell.page(Page.REGION).etag(), shell.page(Page.YEAR).etag());
        assertThat(shell.page(Page.YEAR).etag(), matchesPattern("\"[0-9a-f]{16}\""));
        assertThat(html(shell.notFound()), containsString("404"));
    }

    @Test
    void onlyTheAssetsTheTemplatesNameAreServedWithTheirTypes() {
        PageShell shell = shell(Map.of("app.css", "body{}", "app.js", "", "secret.js", "no"));
        assertEquals("text/css; charset=utf-8", shell.asset("app.css").orElseThrow().contentType());
        assertEquals("text/javascript; charset=utf-8", shell.asset("app.js").orElseThrow().contentType());
        assertEquals("text/html; charset=utf-8", shell.page(Page.YEAR).contentType());
        assertTrue(shell.asset("secret.js").isEmpty());
        assertTrue(shell.asset("../application.properties").isEmpty());
    }

    @Test
    void everythingIsGzippedOnce() throws IOException {
        PageShell shell = shell(Map.of("app.css", "body{}".repeat(100), "app.js", ""));
        PageShell.Content css = shell.asset("app.css").orElseThrow();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(css.gzipped()))) {
            assertArrayEquals(css.body(), in.readAllBytes());
        }
        assertTrue(css.gzipped().length < css.body().length);
    }

    @Test
    void aMissingOrUnknownAssetStopsTheStart() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> shell(Map.of("app.css", "body{}")));
        assertThat(missing.getMessage(), containsString("app.js"));
        assertThrows(IllegalStateException.class, () -> new PageShell("{{asset:x.exe}}", "",
                name -> Optional.of(new byte[0])));
    }
}
