package se.kvinnohalsa.gateway.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Answers how long the
 * client must wait (0 = go ahead). Clients idle long enough to have a full bucket are forgotten.
 */
public final class TokenBuckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final int CLEANUP_EVERY = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Counted from every event loop at once: an atomic increment, so no call is lost and cleanup runs on time. */
    private final AtomicLong calls = new AtomicLong();

    public TokenBuckets(double perSecond, double burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("perSecond must be above 0 and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for the client; returns 0 if there was one, else the seconds until there will be. */
    public long take(String client) {
        long now = nanoClock.getAsLong();
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
    }

    /** Calls so far. */
    long calls() {
        return calls.get();
    }

    /** Clients with a bucket (idle ones are forgotten at the periodic cleanup). */
    int clients() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = burst;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) * perSecond / NANOS_PER_SECOND);
            updated = now;
        }
    }
}
