package se.kvinnohalsa.gateway.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageTest {

    @Test
    void eachPageByItsPath() {
        assertEquals(Optional.of(Page.LATEST_YEAR), Page.of("/"));
        assertEquals(Optional.of(Page.YEAR), Page.of("/ar/2024"));
        assertEquals(Optional.of(Page.YEAR), Page.of("/ar/2024/"));
        assertEquals(Optional.of(Page.INDICATORS), Page.of("/indikatorer"));
        assertEquals(Optional.of(Page.INDICATOR), Page.of("/indikatorer/EFTERVARDSBESOK"));
        assertEquals(Optional.of(Page.REGIONS), Page.of("/regioner/"));
        assertEquals(Optional.of(Page.REGION), Page.of("/regioner/23"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/ar", "/ar/24", "/ar/20245", "/ar/abcd", "/ar/2024/extra", "/regioner/2",
            "/regioner/SE",
            "/regioner/23/x", "/indikatorer/a/b", "/indikatorer/<script>",
            "/indikatorer/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "/arkiv",
            "/index.html"})
    void anyOtherPathIsNoPage(String path) {
        assertEquals(Optional.empty(), Page.of(path));
    }

    @Test
    void theScriptReadsTheNameInKebabCase() {
        assertEquals("latest-year", Page.LATEST_YEAR.scriptName());
        assertEquals("indicator", Page.INDICATOR.scriptName());
    }
}
