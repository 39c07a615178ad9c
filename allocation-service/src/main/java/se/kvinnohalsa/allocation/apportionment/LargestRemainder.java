package se.kvinnohalsa.allocation.apportionment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a pool of whole kronor proportionally to weights with the largest remainder method: floor each exact share,
 * then hand the leftover kronor one by one to the largest fractional remainders (ties: larger weight first, then lower
 * region code). The amounts add up exactly to the pool and each is within one krona of its exact share.
 * Exact arithmetic throughout: shares are compared as remainders over the same denominator, never as doubles.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param pool    whole kronor to split, at least 0
     * @param weights weight per region code, each at least 0, at least one above 0
     * @return amount per region code, in the order of the weights
     */
    public static Map<String, Long> apportion(long pool, Map<String, BigDecimal> weights) {
        if (pool < 0) {
            throw new IllegalArgumentException("pool must be at least 0");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
            if (weight.getValue() == null || weight.getValue().signum() < 0) {
                throw new IllegalArgumentException("weight of " + weight.getKey() + " must be at least 0");
            }
            sum = sum.add(weight.getValue());
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("at least one weight must be above 0");
        }
        // Scale every weight to an integer so that share_i = pool * w_i / sum is a ratio of integers.
        int scale = weights.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
        BigInteger denominator = sum.movePointRight(scale).toBigIntegerExact();
        BigInteger total = BigInteger.valueOf(pool);

        List<Share> shares = new ArrayList<>(weights.size());
        long handedOut = 0;
        for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
            BigInteger numerator = total.multiply(weight.getValue().movePointRight(scale).toBigIntegerExact());
            BigInteger[] floorAndRemainder = numerator.divideAndRemainder(denominator);
            long floor = floorAndRemainder[0].longValueExact();
            shares.add(new Share(weight.getKey(), weight.getValue(), floor, floorAndRemainder[1]));
            handedOut += floor;
        }

        long leftover = pool - handedOut;
        shares.stream()
                .sorted(Comparator.comparing(Share::remainder).reversed()
                        .thenComparing(Share::weight, Comparator.reverseOrder())
                        .thenComparing(Share::regionCode))
                .limit(leftover)
                .forEach(Share::addOne);

        Map<String, Long> amounts = new LinkedHashMap<>();
        shares.forEach(s -> amounts.put(s.regionCode(), s.amount));
        return amounts;
    }

    private static final class Share {
        private final String regionCode;
        private final BigDecimal weight;
        private final BigInteger remainder;
        private long amount;

        Share(String regionCode, BigDecimal weight, long floor, BigInteger remainder) {
            this.regionCode = regionCode;
            this.weight = weight;
            this.amount = floor;
            this.remainder = remainder;
        }

        String regionCode() {
            return regionCode;
        }

        BigDecimal weight() {
            return weight;
        }

        BigInteger remainder() {
            return remainder;
        }

        void addOne() {
            amount++;
        }
    }
}
