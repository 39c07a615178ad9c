package se.kvinnohalsa.gateway.routing;

import java.util.function.LongSupplier;

/**
 * Per upstream: after {@code threshold} failures in a row the circuit opens for {@code openNanos}, and requests are
 * refused at once (503) instead of waiting on a service that is down; then one trial request is let through.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private int failures;
    private long openUntil;

    public CircuitBreaker(int threshold, long openNanos, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    /** 0 when a request may go; else nanoseconds until the circuit half-opens. */
    public synchronized long refuseFor() {
        long now = nanoClock.getAsLong();
        if (failures >= threshold && now < openUntil) {
            return openUntil - now;
        }
        if (failures >= threshold) {
            openUntil = now + openNanos; // half-open: this one request is the trial, the rest wait for its outcome
        }
        return 0;
    }

    public synchronized void succeeded() {
        failures = 0;
    }

    public synchronized void failed() {
        failures++;
        if (failures >= threshold) {
            openUntil = nanoClock.getAsLong() + openNanos;
        }
    }
}
