package se.kvinnohalsa.support.idempotency;

import java.util.List;
import java.util.Map;

/** The first answer to a request with a key: given again, byte for byte, to a retry with the same key and request. */
public record StoredResponse(String fingerprint, int status, Map<String, List<String>> headers, byte[] body) {
}
