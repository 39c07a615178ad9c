package se.kvinnohalsa.gateway.limit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    @Test
    void aBurstThenTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(2, 3, now::get);
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0, "the burst is spent");
        assertEquals(0, buckets.take("b"), "each client has its own bucket");
        now.addAndGet(500_000_000L); // half a second at 2 per second: one token back
        assertEquals(0, buckets.take("a"));
        assertEquals(1, buckets.take("a"), "retry after about a second");
    }
}
