package se.kvinnohalsa.allocation.apportionment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargestRemainderTest {

    @Test
    void leftoverKronorGoToTheLargestRemainders() {
        // 100 over 3 equal weights: 33.33 each, one krona left over; tie on remainder and weight -> lowest code.
        Map<String, Long> amounts = LargestRemainder.apportion(100, weights("03", "1", "01", "1", "02", "1"));
        assertEquals(Map.of("01", 34L, "02", 33L, "03", 33L), amounts);
    }

    @Test
    void tiesOnRemainderGoToTheLargerWeightFirst() {
        // 10 over weights 1 and 3 (sum 4): 2.5 and 7.5, equal remainders 0.5 -> the larger weight (02) gets it.
        assertEquals(Map.of("01", 2L, "02", 8L), LargestRemainder.apportion(10, weights("01", "1", "02", "3")));
    }

    @Test
    void largerRemainderWinsOverLargerWeight() {
        // 7 over 1.5 and 5.5 (sum 7): exactly 1.5 and 5.5: remainders equal (0.5) -> larger weight 02 gets the krona.
        assertEquals(Map.of("01", 1L, "02", 6L), LargestRemainder.apportion(7, weights("01", "1.5", "02", "5.5")));
        // 10 over 1 and 2: 3.33 and 6.67 -> 02 has the larger remainder.
        assertEquals(Map.of("01", 3L, "02", 7L), LargestRemainder.apportion(10, weights("01", "1", "02", "2")));
    }

    @Test
    void zeroWeightsGetNothingAndOneRegionGetsAll() {
        assertEquals(Map.of("01", 0L, "02", 1_000_000L),
                LargestRemainder.apportion(1_000_000, weights("01", "0", "02", "7")));
        assertEquals(Map.of("23", 150_000_000L), LargestRemainder.apportion(150_000_000, weights("23", "0.000001")));
    }

    @Test
    void refusesImpossibleInput() {
        assertThrows(IllegalArgumentException.class,
                () -> LargestRemainder.apportion(10, weights("01", "0", "02", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> LargestRemainder.apportion(10, weights("01", "-1", "02", "2")));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.apportion(-1, weights("01", "1")));
    }

    @Property(tries = 500)
    void sumsExactlyAndStaysWithinOneKronaOfTheExactShare(
            @ForAll @LongRange(min = 0, max = 5_000_000_000L) long pool,
            @ForAll("weightLists") List<BigDecimal> weightList) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < weightList.size(); i++) {
            weights.put(String.format("%02d", i + 1), weightList.get(i));
        }
        Map<String, Long> amounts = LargestRemainder.apportion(pool, weights);

        assertEquals(pool, amounts.values().stream().mapToLong(Long::longValue).sum(), "adds up exactly to the pool");
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(pool).multiply(w.getValue()).divide(sum, MathContext.DECIMAL128);
            BigDecimal difference = BigDecimal.valueOf(amounts.get(w.getKey())).subtract(exact).abs();
            assertTrue(difference.compareTo(BigDecimal.ONE) < 0, w.getKey() + " is " + difference + " from its share");
            if (w.getValue().signum() == 0) {
                assertEquals(0L, amounts.get(w.getKey()), "a zero weight gets nothing");
            }
        }
        assertEquals(amounts, LargestRemainder.apportion(pool, weights), "deterministic");
    }

    @Provide
    Arbitrary<List<BigDecimal>> weightLists() {
        Arbitrary<BigDecimal> tiny = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.001"))
                .ofScale(6);
        Arbitrary<BigDecimal> ordinary = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3000000"))
                .ofScale(2);
        Arbitrary<BigDecimal> huge = Arbitraries.bigDecimals().between(new BigDecimal("1e12"), new BigDecimal("1e15"))
                .ofScale(0);
        Arbitrary<BigDecimal> zero = Arbitraries.just(BigDecimal.ZERO);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, ordinary), net.jqwik.api.Tuple.of(2, tiny),
                net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, zero))
                .list().ofMinSize(1).ofMaxSize(21)
                .filter(list -> list.stream().anyMatch(w -> w.signum() > 0));
    }

    private static Map<String, BigDecimal> weights(String... codeAndWeight) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < codeAndWeight.length; i += 2) {
            weights.put(codeAndWeight[i], new BigDecimal(codeAndWeight[i + 1]));
        }
        return weights;
    }
}
