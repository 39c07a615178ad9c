package se.kvinnohalsa.support.idempotency;

import java.util.UUID;

/**
 * What a key meant when a request arrived with it: new (this request now owns it, as {@code owner}), still in flight
 * with another request, or completed with a stored answer.
 */
public record Reservation(State state, UUID owner, StoredResponse stored) {

    public enum State {
        NEW, IN_FLIGHT, COMPLETED
    }
}
