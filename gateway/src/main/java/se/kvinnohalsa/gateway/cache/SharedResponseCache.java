package se.kvinnohalsa.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The stored answers, bounded by their bytes (bodies, headers and keys) and thread-safe (Caffeine). An answer varies
 * on the request headers its Vary names: the names are kept per request target, the answer per target and values
 * ({@link CachePolicy#key}). Every invalidation starts a new generation, and an answer to a request that began in an
 * earlier one is not kept: an answer under way while an event said its data changed may be stale.
 */
public final class SharedResponseCache {

    /** One stored answer: status 200, its headers (without hop-by-hop ones), body and when it stops being fresh. */
    public record Stored(List<Map.Entry<String, String>> headers, byte[] body, String etag, long storedAtMillis,
            long expiresAtMillis) {

        long weight(String key) {
            long bytes = body.length + 2L * key.length() + PER_ENTRY_BYTES;
            for (Map.Entry<String, String> header : headers) {
                bytes += 2L * (header.getKey().length() + header.getValue().length()) + PER_HEADER_BYTES;
            }
            return bytes;
        }

        /** Whole seconds since it was stored (the Age header). */
        public long ageSeconds(long nowMillis) {
            return Math.max(0, (nowMillis - storedAtMillis) / MILLIS_PER_SECOND);
        }
    }

    /** Object headers, the key's and the entry's own overhead: roughly, so that many tiny answers still count. */
    private static final long PER_ENTRY_BYTES = 200;
    private static final long PER_HEADER_BYTES = 64;
    private static final long MILLIS_PER_SECOND = 1000;
    private static final int MAX_WEIGHT = Integer.MAX_VALUE;

    private final Clock clock;
    private final Cache<String, Stored> answers;
    /** Request target -> the header names its answers vary on (small; bounded with the answers' budget in mind). */
    private final Cache<String, List<String>> variants;
    private final AtomicLong generation = new AtomicLong();

    public SharedResponseCache(Clock clock, long maxBytes, Executor executor) {
        this.clock = clock;
        this.answers = Caffeine.newBuilder().executor(executor).maximumWeight(maxBytes)
                .weigher((String key, Stored stored) -> (int) Math.min(MAX_WEIGHT, stored.weight(key)))
                .expireAfter(new Expiry<String, Stored>() {
                    @Override
                    public long expireAfterCreate(String key, Stored stored, long currentTime) {
                        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, stored.expiresAtMillis - clock.millis()));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Stored stored, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, stored, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Stored stored, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build();
        this.variants = Caffeine.newBuilder().executor(executor).maximumSize(Math.max(1, maxBytes / PER_ENTRY_BYTES))
                .build();
    }

    /** The generation a request starts in; pass it to {@link #store}. */
    public long generation() {
        return generation.get();
    }

    /** A fresh stored answer for this request, or null. */
    public Stored lookup(String uri, Function<String, String> header) {
        List<String> vary = variants.getIfPresent(uri);
        if (vary == null) {
            return null;
        }
        Stored stored = answers.getIfPresent(CachePolicy.key(uri, vary, header));
        if (stored == null || stored.expiresAtMillis <= clock.millis()) {
            return null;
        }
        return stored;
    }

    /**
     * Keeps an answer unless an invalidation came since the request began ({@code generation}); false when it was
     * not kept.
     */
    public boolean store(String uri, List<String> varyNames, Function<String, String> header, Stored stored,
            long startedIn) {
        if (generation.get() != startedIn) {
            return false;
        }
        variants.put(uri, List.copyOf(varyNames));
        answers.put(CachePolicy.key(uri, varyNames, header), stored);
        if (generation.get() != startedIn) {
            // An invalidation ran between the check and the put: it may have missed this answer.
            answers.invalidateAll();
            return false;
        }
        return true;
    }

    /** Drops every stored answer, and those under way. */
    public void invalidateAll() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    /** The stored bytes as weighed (after pending maintenance). */
    public long weightedBytes() {
        answers.cleanUp();
        return answers.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    public long clockMillis() {
        return clock.millis();
    }
}
