package se.kvinnohalsa.support.money;

import java.math.BigInteger;
import java.util.Collection;

/**
 * Money in whole kronor, as every service keeps it (a {@code long}): a sane bound on each amount and sums that are
 * exact. No amount in this domain comes near the bound (the whole grant is about 1.5 billion), yet 9223372036854775807
 * would be a {@code long} all the same; a sum that wrapped around would pass an "adds up to" check. So every amount
 * is checked against {@link #MAX_SEK} and every sum is exact: one too large to be a {@code long} is an error, never
 * a wrap.
 */
public final class Kronor {

    /** 10^13 SEK (ten thousand billion): above any agreement, pool, allocation or spending the platform will see. */
    public static final long MAX_SEK = 10_000_000_000_000L;

    private Kronor() {
    }

    /** Whether an amount is within 0 ... {@link #MAX_SEK}. */
    public static boolean withinBounds(long amountSek) {
        return amountSek >= 0 && amountSek <= MAX_SEK;
    }

    /** The bound, as a client reads it in a 422. */
    public static String boundRule() {
        return "must be between 0 and " + MAX_SEK + " SEK";
    }

    /** The exact sum; throws {@link ArithmeticException} when it is too large for a {@code long}, never wraps. */
    public static long sum(Collection<Long> amounts) {
        long sum = 0;
        for (Long amount : amounts) {
            sum = Math.addExact(sum, amount == null ? 0 : amount);
        }
        return sum;
    }

    /** The exact sum as a BigInteger: for messages that must show the true sum, however large. */
    public static BigInteger exactSum(Collection<Long> amounts) {
        BigInteger sum = BigInteger.ZERO;
        for (Long amount : amounts) {
            sum = sum.add(BigInteger.valueOf(amount == null ? 0 : amount));
        }
        return sum;
    }
}
