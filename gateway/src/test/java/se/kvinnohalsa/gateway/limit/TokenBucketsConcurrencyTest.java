package se.kvinnohalsa.gateway.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway's event loops call take() at the same time: no call may be lost, no client get more than its burst. */
class TokenBucketsConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 50_000;
    private static final int BURST = 1_000;

    @Test
    void everyCallIsCountedAndTheBurstHoldsAcrossThreads() throws Exception {
        AtomicLong now = new AtomicLong(); // the clock stands still: no refill, only the burst
        TokenBuckets buckets = new TokenBuckets(1, BURST, now::get);
        AtomicLong admitted = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        if (buckets.take("shared-client") == 0) {
                            admitted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) THREADS * CALLS_PER_THREAD, buckets.calls(), "no increment lost");
        assertEquals(BURST, admitted.get(), "exactly the burst admitted, however the threads interleave");
    }

    @Test
    void idleClientsAreForgottenAtTheCleanup() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(1, 2, now::get);
        buckets.take("idle");
        now.addAndGet(TimeUnit.SECONDS.toNanos(10)); // long enough to refill: nothing to remember about "idle"
        long untilCleanup = TokenBuckets.CLEANUP_EVERY - buckets.calls();
        for (long i = 0; i < untilCleanup; i++) {
            buckets.take("busy");
        }
        assertEquals(1, buckets.clients(), "the idle client was forgotten, the busy one (bucket spent) kept");
    }
}
