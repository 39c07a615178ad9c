package se.kvinnohalsa.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The rules of the {@code Idempotency-Key} header (IETF draft-ietf-httpapi-idempotency-key-header): what a key may
 * be, what makes two requests "the same" (the fingerprint), and which answers are kept for a retry.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Marks an answer given again from the store, as other APIs with idempotency keys do. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Answers that follow from the request itself (and the state it met) are kept and given again; the others
     * (401/403 depend on the token, 404/409 on a state that may change, 408/413/429 and 5xx on the moment) are not:
     * a retry with the same key is then carried out anew.
     */
    private static final Set<Integer> KEPT_CLIENT_ERRORS = Set.of(400, 412, 422, 428);
    private static final int PRINTABLE_FIRST = 0x21;
    private static final int PRINTABLE_LAST = 0x7e;

    private IdempotencyKeys() {
    }

    /**
     * The key of a request: a Structured Fields string ({@code "8e03978e-..."}), or for convenience the same without
     * quotes; 1 to maxLength visible ASCII characters, given once.
     *
     * @throws IllegalArgumentException with the message for the client
     */
    public static String parse(List<String> values, int maxLength) {
        if (values.size() != 1) {
            throw new IllegalArgumentException("give one Idempotency-Key, not " + values.size());
        }
        String value = values.get(0).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException("a key of 1 to " + maxLength + " characters, e.g. a UUID");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < PRINTABLE_FIRST || c > PRINTABLE_LAST || c == '"' || c == '\\') {
                throw new IllegalArgumentException(
                        "visible ASCII characters only (no spaces, quotes or backslashes), e.g. a UUID");
            }
        }
        return value;
    }

    public static boolean kept(int status) {
        return (status >= 200 && status < 300) || KEPT_CLIENT_ERRORS.contains(status);
    }

    /** A SHA-256 over what makes a request: method, path with query, media type, then the body as it streams. */
    public static MessageDigest fingerprint(String method, String pathAndQuery, String mediaType) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + "\n" + pathAndQuery + "\n" + (mediaType == null ? "" : mediaType) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
