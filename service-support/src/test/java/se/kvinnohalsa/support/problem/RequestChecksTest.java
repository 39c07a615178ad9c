package se.kvinnohalsa.support.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestChecksTest {

    @Test
    void aPercentThatStartsNoEscapeIsFound() {
        assertEquals(-1, RequestChecks.malformedEscape("/api/v1/regions?name=V%C3%A4stra%20G%c3%b6taland"));
        assertEquals(-1, RequestChecks.malformedEscape("/api/v1/regions"));
        assertEquals(18, RequestChecks.malformedEscape("/api/v1/regions?x=%zz"));
        assertEquals(18, RequestChecks.malformedEscape("/api/v1/regions?x=%4"));
        assertEquals(18, RequestChecks.malformedEscape("/api/v1/regions?x=%"));
        assertEquals(21, RequestChecks.malformedEscape("/api/v1/regions?x=%41%g1"));
    }
}
