package se.kvinnohalsa.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.kvinnohalsa.support.SupportConfig;
import se.kvinnohalsa.support.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotency keys in the service's own database (table {@code idempotency_key}), per caller. Each step is a short
 * transaction of its own: the key is reserved before the request is carried out, and completed with the answer
 * before the client sees it, or released when the answer is not one to keep.
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class IdempotencyStore {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };
    /** A key released between the failed claim and the look-up is claimed again; more often means a race. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final int MAX_PATH = 2000;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    SupportConfig config;

    @Inject
    ObjectMapper json;

    public int maxKeyLength() {
        return config.idempotency().maxKeyLength();
    }

    /**
     * Claims the key for this request unless another request holds it (still in flight within its lease) or it has a
     * stored answer that has not expired.
     */
    public Reservation reserve(String caller, String key, String method, String path, String fingerprint) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            UUID owner = UUID.randomUUID();
            Instant now = Instant.now(clock);
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery("""
                    INSERT INTO idempotency_key (caller, idem_key, owner, state, fingerprint, request_method,
                        request_path, created_at, locked_until, expires_at)
                    VALUES (:caller, :key, :owner, 'IN_FLIGHT', :fingerprint, :method, :path, :now, :lockedUntil,
                        :expiresAt)
                    ON CONFLICT (caller, idem_key) DO UPDATE SET owner = EXCLUDED.owner, state = 'IN_FLIGHT',
                        fingerprint = EXCLUDED.fingerprint, request_method = EXCLUDED.request_method,
                        request_path = EXCLUDED.request_path, response_status = NULL, response_headers = NULL,
                        response_body = NULL, created_at = EXCLUDED.created_at,
                        locked_until = EXCLUDED.locked_until, completed_at = NULL, expires_at = EXCLUDED.expires_at
                    WHERE idempotency_key.expires_at <= :now
                       OR (idempotency_key.state = 'IN_FLIGHT' AND idempotency_key.locked_until <= :now)
                    RETURNING owner""")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("owner", owner)
                    .setParameter("fingerprint", fingerprint).setParameter("method", method)
                    .setParameter("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path)
                    .setParameter("now", now)
                    .setParameter("lockedUntil", now.plus(config.idempotency().inFlightLease()))
                    .setParameter("expiresAt", now.plus(config.idempotency().keep()))
                    .getResultList().isEmpty());
            if (claimed) {
                return new Reservation(Reservation.State.NEW, owner, null);
            }
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    SELECT state, fingerprint, response_status, response_headers, response_body
                    FROM idempotency_key WHERE caller = :caller AND idem_key = :key""")
                    .setParameter("caller", caller).setParameter("key", key).getResultList());
            if (!rows.isEmpty()) {
                Object[] row = (Object[]) rows.get(0);
                if ("IN_FLIGHT".equals(row[0])) {
                    return new Reservation(Reservation.State.IN_FLIGHT, null, null);
                }
                return new Reservation(Reservation.State.COMPLETED, null, new StoredResponse((String) row[1],
                        ((Number) row[2]).intValue(), headers((String) row[3]), (byte[]) row[4]));
            }
        }
        throw new IllegalStateException("Idempotency-Key " + key + " could not be claimed");
    }

    /** Keeps the answer for retries; does nothing if the key's lease has passed to another request meanwhile. */
    public void complete(String caller, String key, UUID owner, StoredResponse response) {
        String headers;
        try {
            headers = json.writeValueAsString(response.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE idempotency_key SET state = 'COMPLETED', fingerprint = :fingerprint, response_status = :status,
                    response_headers = :headers, response_body = :body, completed_at = :now
                WHERE caller = :caller AND idem_key = :key AND owner = :owner AND state = 'IN_FLIGHT'""")
                .setParameter("fingerprint", response.fingerprint()).setParameter("status", response.status())
                .setParameter("headers", headers).setParameter("body", response.body())
                .setParameter("now", Instant.now(clock)).setParameter("caller", caller).setParameter("key", key)
                .setParameter("owner", owner).executeUpdate());
    }

    /** Frees the key: the answer is not one to keep, so a retry with the key is carried out anew. */
    public void release(String caller, String key, UUID owner) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                DELETE FROM idempotency_key
                WHERE caller = :caller AND idem_key = :key AND owner = :owner AND state = 'IN_FLIGHT'""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("owner", owner)
                .executeUpdate());
    }

    private Map<String, List<String>> headers(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers unreadable", e);
        }
    }
}
