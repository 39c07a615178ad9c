package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile numbers, strings and structures are refused while parsing, each at once, naming what is wrong. */
class StrictJsonTest {

    /** A request-shaped record: money, a decimal, text and a list of text. */
    record Line(String unit, Long amountSek, BigDecimal share, List<String> tags) {
    }

    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper());

    private Exception refused(String json) {
        return assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(JsonProcessingException.class, () -> mapper.readValue(json,
                        Line.class)));
    }

    @Test
    void aHugeExponentIsOutOfRangeAtOnce() {
        for (String number : List.of("1e999999999", "-1e999999999", "1e-999999999", "0e999999999")) {
            Exception e = refused("{\"share\": " + number + "}");
            RejectedValueException rejected = assertInstanceOf(RejectedValueException.class, e, number);
            assertTrue(rejected.reason().startsWith("out of range"), rejected.reason());
            assertEquals("share", rejected.getPath().get(0).getFieldName());
        }
    }

    @Test
    void tenThousandDigitsAreRefusedWhileParsing() {
        assertInstanceOf(StreamConstraintsException.class, refused("{\"amountSek\": " + "9".repeat(10_000) + "}"));
        assertInstanceOf(StreamConstraintsException.class, refused("{\"share\": 0." + "1".repeat(10_000) + "}"));
    }

    @Test
    void aWholeNumberTooLargeForALongIsRefusedNotWrapped() {
        Exception e = refused("{\"amountSek\": 9223372036854775808}");
        assertTrue(e instanceof JsonMappingException, e.toString());
    }

    @Test
    void deepNestingAndVeryLongStringsAreRefusedWhileParsing() {
        // Into a record the first nested array is already the wrong type; read as a tree (imports) it nests on.
        refused("{\"tags\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StreamConstraintsException.class,
                () -> mapper.readTree("[".repeat(5_000) + "]".repeat(5_000))));
        // Into a record, databind wraps the parser's refusal with the field's path.
        Exception tooLong = refused("{\"unit\": \"" + "a".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}");
        assertInstanceOf(StreamConstraintsException.class,
                tooLong instanceof StreamConstraintsException ? tooLong : tooLong.getCause());
    }

    @Test
    void aFieldGivenTwiceIsAnErrorNotTheLastOneWins() {
        Exception e = refused("{\"amountSek\": 1, \"amountSek\": 2}");
        assertInstanceOf(JsonParseException.class, e);
        assertTrue(e.getMessage().startsWith("Duplicate field 'amountSek'"), e.getMessage());
    }

    @Test
    void textThatCannotBeStoredAsSentIsRefusedNamingTheField() {
        RejectedValueException nul = assertInstanceOf(RejectedValueException.class,
                refused("{\"unit\": \"Område\\u0000Kvinna\"}"));
        assertTrue(nul.reason().contains("NUL"), nul.reason());
        assertEquals("unit", nul.getPath().get(0).getFieldName());
        RejectedValueException lone = assertInstanceOf(RejectedValueException.class,
                refused("{\"tags\": [\"ok\", \"x\\ud800y\"]}"));
        assertTrue(lone.reason().contains("unpaired surrogate (U+D800)"), lone.reason());
        assertEquals(1, lone.getPath().get(1).getIndex());
        assertInstanceOf(RejectedValueException.class, refused("{\"unit\": \"\\udc00\"}"));
    }

    @Test
    void everyOtherUnicodeTextIsTakenExactlyAsSent() throws Exception {
        String text = "Kvinnohälsa \u200F\u05E9\u05DC\u05D5\u05DD\u200E 👩‍⚕️ 🤰🏽 \u00A0\t\u0001";
        Line line = mapper.readValue(mapper.writeValueAsString(new Line(text, 1L, BigDecimal.ONE, List.of(text))),
                Line.class);
        assertEquals(text, line.unit());
        assertEquals(List.of(text), line.tags());
    }

    @Test
    void saneNumbersPassUnchanged() throws Exception {
        Line line = mapper.readValue("{\"amountSek\": 10000000000000, \"share\": 94.300}", Line.class);
        assertEquals(10_000_000_000_000L, line.amountSek());
        assertEquals(new BigDecimal("94.300"), line.share());
        assertTrue(JsonLimits.saneMagnitude(new BigDecimal("1" + "0".repeat(39))));
        assertTrue(!JsonLimits.saneMagnitude(new BigDecimal("1" + "0".repeat(40))));
        assertTrue(JsonLimits.saneMagnitude(new BigDecimal("0." + "0".repeat(39) + "1")));
        assertTrue(!JsonLimits.saneMagnitude(new BigDecimal("0." + "0".repeat(40) + "1")));
    }
}
