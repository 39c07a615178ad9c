package se.kvinnohalsa.support.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotencyKeysTest {

    private static final int MAX = 255;

    @Test
    void aKeyIsAStructuredFieldsStringOrTheSameWithoutQuotes() {
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324",
                IdempotencyKeys.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""), MAX));
        assertEquals("retry-1", IdempotencyKeys.parse(List.of(" retry-1 "), MAX));
        assertEquals("x".repeat(MAX), IdempotencyKeys.parse(List.of("x".repeat(MAX)), MAX));
    }

    @Test
    void emptyLongRepeatedOrOddKeysAreRefused() {
        for (String bad : new String[]{"", "\"\"", "x".repeat(MAX + 1), "has space", "tab\there", "quote\"inside",
                "back\\slash", "åäö", "null\u0000byte"}) {
            assertThrows(IllegalArgumentException.class, () -> IdempotencyKeys.parse(List.of(bad), MAX), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKeys.parse(List.of("a", "b"), MAX));
    }

    @Test
    void answersThatFollowFromTheRequestAreKeptTheOthersNot() {
        for (int status : new int[]{200, 201, 204, 400, 412, 422, 428}) {
            assertTrue(IdempotencyKeys.kept(status), Integer.toString(status));
        }
        for (int status : new int[]{401, 403, 404, 408, 409, 413, 429, 500, 502, 503}) {
            assertFalse(IdempotencyKeys.kept(status), Integer.toString(status));
        }
    }

    @Test
    void theFingerprintCoversMethodPathMediaTypeAndBody() {
        String base = fingerprint("POST", "/api/v1/x?dryRun=true", "application/json", "{\"a\":1}");
        assertEquals(base, fingerprint("POST", "/api/v1/x?dryRun=true", "application/json", "{\"a\":1}"));
        assertNotEquals(base, fingerprint("POST", "/api/v1/x?dryRun=true", "application/json", "{\"a\":2}"));
        assertNotEquals(base, fingerprint("POST", "/api/v1/x", "application/json", "{\"a\":1}"));
        assertNotEquals(base, fingerprint("POST", "/api/v1/y?dryRun=true", "application/json", "{\"a\":1}"));
        assertNotEquals(base, fingerprint("POST", "/api/v1/x?dryRun=true", "text/csv", "{\"a\":1}"));
        assertNotEquals(base, fingerprint("PUT", "/api/v1/x?dryRun=true", "application/json", "{\"a\":1}"));
        assertEquals(64, base.length());
    }

    private static String fingerprint(String method, String path, String type, String body) {
        MessageDigest digest = IdempotencyKeys.fingerprint(method, path, type);
        digest.update(body.getBytes(StandardCharsets.UTF_8));
        return IdempotencyKeys.hex(digest);
    }
}
