package se.kvinnohalsa.support.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KronorTest {

    @Test
    void theSumThatWrappedIsAnErrorNotANegativeNumber() {
        // Region 23, 2025: two lines of Long.MAX_VALUE and one of 24,846,480 "added up" to the published 24,846,478.
        List<Long> lines = List.of(Long.MAX_VALUE, Long.MAX_VALUE, 24_846_480L);
        long wrapped = lines.stream().mapToLong(Long::longValue).sum();
        assertEquals(24_846_478L, wrapped);
        assertThrows(ArithmeticException.class, () -> Kronor.sum(lines));
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1).add(BigInteger.valueOf(24_846_480L)),
                Kronor.exactSum(lines));
    }

    @Test
    void theBoundIsInclusive() {
        assertTrue(Kronor.withinBounds(0));
        assertTrue(Kronor.withinBounds(Kronor.MAX_SEK));
        assertFalse(Kronor.withinBounds(Kronor.MAX_SEK + 1));
        assertFalse(Kronor.withinBounds(-1));
        assertFalse(Kronor.withinBounds(Long.MAX_VALUE));
    }

    @Property(tries = 500)
    void aSumIsExactOrAnErrorNeverAWrap(@ForAll("amounts") List<Long> amounts) {
        BigInteger exact = amounts.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(exact, Kronor.exactSum(amounts));
        if (exact.bitLength() < Long.SIZE) {
            assertEquals(exact.longValueExact(), Kronor.sum(amounts));
        } else {
            assertThrows(ArithmeticException.class, () -> Kronor.sum(amounts));
        }
    }

    @Property(tries = 500)
    void boundedAmountsNeverOverflowAFewThousandLines(@ForAll("bounded") List<Long> amounts) {
        assertEquals(Kronor.exactSum(amounts).longValueExact(), Kronor.sum(amounts));
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        // Mostly at the edges: 0, the bound, and the edges of a long.
        Arbitrary<Long> edge = Arbitraries.of(0L, 1L, Kronor.MAX_SEK, Kronor.MAX_SEK + 1, Long.MAX_VALUE - 1,
                Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, edge),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)))
                .list().ofMinSize(0).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Long>> bounded() {
        return Arbitraries.longs().between(0, Kronor.MAX_SEK).list().ofMaxSize(3_000);
    }
}
