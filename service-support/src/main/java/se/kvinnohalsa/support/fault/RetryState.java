package se.kvinnohalsa.support.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a worker (a consumer, the outbox relay) is retrying a transient failure, since when, how often and why:
 * what readiness reports as degraded while it lasts.
 */
public final class RetryState {

    private final Clock clock;
    private Instant since;
    private long attempts;
    private String lastError;

    public RetryState(Clock clock) {
        this.clock = clock;
    }

    public synchronized void failed(Throwable failure) {
        if (since == null) {
            since = Instant.now(clock);
        }
        attempts++;
        lastError = TransientFailures.describe(failure);
    }

    public synchronized void recovered() {
        since = null;
        attempts = 0;
        lastError = null;
    }

    public synchronized boolean retrying() {
        return since != null;
    }

    /** Health data: {@code retryingSince, retryingForSeconds, attempts, lastError}, or nothing when all is well. */
    public synchronized Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (since != null) {
            detail.put("retryingSince", since.toString());
            detail.put("retryingForSeconds", Duration.between(since, Instant.now(clock)).toSeconds());
            detail.put("attempts", attempts);
            detail.put("lastError", lastError);
        }
        return detail;
    }
}
