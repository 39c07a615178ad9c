package se.kvinnohalsa.gateway.followup;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.MovableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One build per year at a time, kept until an event drops it or it is too old; failures are never kept. */
class FollowUpCacheTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final FollowUpCache cache = new FollowUpCache(clock, MAX_AGE, 2);
    private final AtomicInteger builds = new AtomicInteger();

    private CompletionStage<FollowUpReport> build() {
        builds.incrementAndGet();
        return CompletableFuture.completedFuture(FollowUpFixtures.report());
    }

    private FollowUpCache.Built get(int year) {
        return cache.get(year, this::build).toCompletableFuture().join();
    }

    @Test
    void aBuiltYearIsServedUntilItIsTooOld() {
        FollowUpCache.Built first = get(2024);
        clock.advance(MAX_AGE.minusSeconds(1));
        assertSame(first, get(2024));
        assertEquals(1, builds.get());
        clock.advance(Duration.ofSeconds(1));
        assertNotSame(first, get(2024), "rebuilt after max age, even without an event");
        assertEquals(2, builds.get());
    }

    @Test
    void callersWhileAYearIsBeingBuiltShareTheBuild() {
        CompletableFuture<FollowUpReport> slow = new CompletableFuture<>();
        CompletionStage<FollowUpCache.Built> a = cache.get(2024, () -> {
            builds.incrementAndGet();
            return slow;
        });
        CompletionStage<FollowUpCache.Built> b = cache.get(2024, this::build);
        assertSame(a, b);
        slow.complete(FollowUpFixtures.report());
        assertEquals(1, builds.get());
        assertSame(a.toCompletableFuture().join(), get(2024));
    }

    @Test
    void anInvalidatedYearIsBuiltAgainAndABuildUnderWayThenIsNotKept() {
        FollowUpCache.Built first = get(2024);
        cache.invalidate(2024);
        FollowUpCache.Built second = get(2024);
        assertNotSame(first, second);

        CompletableFuture<FollowUpReport> slow = new CompletableFuture<>();
        cache.invalidate(2024);
        CompletionStage<FollowUpCache.Built> underWay = cache.get(2024, () -> slow);
        cache.invalidate(2024); // an event arrives while the build still reads the old data
        slow.complete(FollowUpFixtures.report());
        assertTrue(underWay.toCompletableFuture().isDone(), "those waiting still get their answer");
        int before = builds.get();
        get(2024);
        assertEquals(before + 1, builds.get(), "the next caller builds from the changed data");
    }

    @Test
    void aFailedBuildIsNotKept() {
        CompletionStage<FollowUpCache.Built> failed = cache.get(2024,
                () -> CompletableFuture.failedFuture(new SourceUnavailableException("reporting", "down")));
        assertThrows(RuntimeException.class, () -> failed.toCompletableFuture().join());
        assertThrows(RuntimeException.class, () -> cache.get(2024, () -> {
            throw new SourceUnavailableException("reporting", "still down");
        }).toCompletableFuture().join());
        get(2024);
        assertEquals(1, builds.get(), "the next caller tries again");
    }

    @Test
    void atMostMaxYearsAreKeptAndInvalidateAllDropsThem() {
        get(2022);
        get(2023);
        get(2024);
        assertEquals(2, cache.size());
        get(2022);
        assertEquals(4, builds.get(), "2022 was dropped first");
        cache.invalidateAll();
        assertEquals(0, cache.size());
    }

    @Test
    void eachFormatIsRenderedOnceAndItsEtagFollowsItsBytes() {
        FollowUpCache.Built built = get(2024);
        AtomicInteger renders = new AtomicInteger();
        FollowUpCache.Document json = built.document(Format.JSON, f -> {
            renders.incrementAndGet();
            return "{\"a\": 1}".getBytes();
        });
        assertSame(json, built.document(Format.JSON, f -> {
            renders.incrementAndGet();
            return "{\"a\": 2}".getBytes();
        }));
        assertEquals(1, renders.get());
        assertEquals(FollowUpCache.etag("{\"a\": 1}".getBytes()), json.etag());
        assertNotSame(json.etag(), FollowUpCache.etag("{\"a\": 2}".getBytes()));
        assertEquals(32, json.etag().length());
    }
}
