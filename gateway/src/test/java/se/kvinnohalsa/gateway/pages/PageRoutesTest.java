package se.kvinnohalsa.gateway.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The content negotiation and conditional requests of PageRoutes, without a server. */
class PageRoutesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "gzip, deflate, br, zstd | true",
            "GZIP | true",
            "x-gzip | true",
            "br;q=1.0, gzip;q=0.8 | true",
            "gzip;q=0 | false",
            "gzip; q=0.000 | false",
            "* | true",
            "*;q=0 | false",
            "*;q=0, gzip | true",
            "gzip;q=0, * | false",
            "deflate, br | false",
            "identity | false",
            "gzip;q=oops | false",
            "'' | false",
            "null | false"})
    void gzipOnlyWhenTheClientAcceptsIt(String acceptEncoding, boolean gzip) {
        assertEquals(gzip, PageRoutes.acceptsGzip(acceptEncoding), String.valueOf(acceptEncoding));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "\"abc\" | true",
            "W/\"abc\" | true",
            "\"x\", \"abc\" | true",
            "* | true",
            "\"abd\" | false",
            "abc | false",
            "null | false"})
    void notModifiedForTheSameEtag(String ifNoneMatch, boolean matches) {
        assertEquals(matches, PageRoutes.matches(ifNoneMatch, "\"abc\""));
    }
}
