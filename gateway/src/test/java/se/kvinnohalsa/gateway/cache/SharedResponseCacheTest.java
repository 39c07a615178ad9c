package se.kvinnohalsa.gateway.cache;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.MovableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedResponseCacheTest {

    private static final Function<String, String> NO_HEADERS = name -> null;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private SharedResponseCache.Stored answer(int bytes, long freshMillis) {
        return new SharedResponseCache.Stored(List.of(Map.entry("content-type", "application/json")),
                new byte[bytes], "\"e\"", clock.millis(), clock.millis() + freshMillis);
    }

    @Test
    void theStoredBytesStayWithinTheBound() {
        long maxBytes = 100_000;
        SharedResponseCache cache = new SharedResponseCache(clock, maxBytes, Runnable::run);
        for (int i = 0; i < 200; i++) {
            cache.store("/a/" + i, List.of(), NO_HEADERS, answer(5_000, 60_000), cache.generation());
            assertTrue(cache.weightedBytes() <= maxBytes, "after " + i + ": " + cache.weightedBytes());
        }
        assertTrue(cache.size() >= 10 && cache.size() < 20, "about 100,000 / 5,000 answers: " + cache.size());
        long found = IntStream.range(0, 200)
                .filter(i -> cache.lookup("/a/" + i, NO_HEADERS) != null).count();
        assertEquals(cache.size(), found, "what is counted is found");
    }

    @Test
    void anAnswerLargerThanTheWholeBudgetIsNotKept() {
        SharedResponseCache cache = new SharedResponseCache(clock, 10_000, Runnable::run);
        cache.store("/big", List.of(), NO_HEADERS, answer(20_000, 60_000), cache.generation());
        assertNull(cache.lookup("/big", NO_HEADERS));
        assertTrue(cache.weightedBytes() <= 10_000);
    }

    @Test
    void aStaleAnswerIsNotFound() {
        SharedResponseCache cache = new SharedResponseCache(clock, 100_000, Runnable::run);
        cache.store("/a", List.of(), NO_HEADERS, answer(10, 30_000), cache.generation());
        clock.advance(Duration.ofMillis(29_999));
        assertNotNull(cache.lookup("/a", NO_HEADERS));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.lookup("/a", NO_HEADERS));
    }

    @Test
    void anAnswerToARequestFromBeforeAnInvalidationIsNotKept() {
        SharedResponseCache cache = new SharedResponseCache(clock, 100_000, Runnable::run);
        long startedIn = cache.generation();
        cache.invalidateAll();
        assertFalse(cache.store("/a", List.of(), NO_HEADERS, answer(10, 30_000), startedIn));
        assertNull(cache.lookup("/a", NO_HEADERS));
        assertTrue(cache.store("/a", List.of(), NO_HEADERS, answer(10, 30_000), cache.generation()));
        assertNotNull(cache.lookup("/a", NO_HEADERS));
        cache.invalidateAll();
        assertNull(cache.lookup("/a", NO_HEADERS));
    }

    @Test
    void variantsAreFoundByTheRequestsValues() {
        SharedResponseCache cache = new SharedResponseCache(clock, 100_000, Runnable::run);
        Function<String, String> swedish = name -> name.equalsIgnoreCase("accept-language") ? "sv" : null;
        Function<String, String> english = name -> name.equalsIgnoreCase("accept-language") ? "en" : null;
        cache.store("/a", List.of("accept-language"), swedish, answer(1, 30_000), cache.generation());
        assertNotNull(cache.lookup("/a", swedish));
        assertNull(cache.lookup("/a", english));
        assertNull(cache.lookup("/a", NO_HEADERS));
    }

    @Test
    void manyThreadsStoreLookUpAndInvalidateAtOnce() throws Exception {
        long maxBytes = 50_000;
        SharedResponseCache cache = new SharedResponseCache(clock, maxBytes, Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger found = new AtomicInteger();
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String uri = "/t/" + (i % 50);
                        if (thread == 0 && i % 500 == 0) {
                            cache.invalidateAll();
                        }
                        cache.store(uri, List.of(), NO_HEADERS, answer(1_000, 60_000), cache.generation());
                        if (cache.lookup(uri, NO_HEADERS) != null) {
                            found.incrementAndGet();
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertTrue(found.get() > 0);
        assertTrue(cache.weightedBytes() <= maxBytes, cache.weightedBytes() + " bytes");
    }
}
