package se.kvinnohalsa.allocation.allocation;

import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules of a pool's key or fixed amounts; every broken rule is reported. */
public final class KeyRules {

    /** Weights are kept as numeric(38, 6). */
    public static final int MAX_WEIGHT_SCALE = 6;

    private KeyRules() {
    }

    public static List<FieldError> checkWeights(List<KeyRequest.Weight> weights, Set<String> knownRegions) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean anyPositive = false;
        for (int i = 0; i < weights.size(); i++) {
            KeyRequest.Weight weight = weights.get(i);
            checkRegion("weights[" + i + "].regionCode", weight.regionCode(), knownRegions, seen, errors);
            if (weight.weight().stripTrailingZeros().scale() > MAX_WEIGHT_SCALE) {
                errors.add(new FieldError("weights[" + i + "].weight", "at most " + MAX_WEIGHT_SCALE + " decimals"));
            }
            anyPositive |= weight.weight().signum() > 0;
        }
        if (!anyPositive) {
            errors.add(new FieldError("weights", "at least one weight must be above 0"));
        }
        return errors;
    }

    public static List<FieldError> checkAmounts(List<AmountsRequest.Amount> amounts, Set<String> knownRegions,
            long poolSek) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < amounts.size(); i++) {
            checkRegion("amounts[" + i + "].regionCode", amounts.get(i).regionCode(), knownRegions, seen, errors);
            long amount = amounts.get(i).amountSek();
            if (amount < 0 || amount > poolSek) {
                errors.add(new FieldError("amounts[" + i + "].amountSek", "must be between 0 and the pool's "
                        + poolSek + " SEK, got " + amount + " SEK"));
            }
        }
        // Exact: amounts cannot be made to "add up" by wrapping around.
        BigInteger sum = Kronor.exactSum(amounts.stream().map(AmountsRequest.Amount::amountSek).toList());
        if (sum.compareTo(BigInteger.valueOf(poolSek)) != 0) {
            errors.add(new FieldError("amounts", "the amounts add up to " + sum + " SEK, the pool is " + poolSek
                    + " SEK (difference " + sum.subtract(BigInteger.valueOf(poolSek)) + ")"));
        }
        return errors;
    }

    private static void checkRegion(String field, String code, Set<String> known, Set<String> seen,
            List<FieldError> errors) {
        if (!known.contains(code)) {
            errors.add(new FieldError(field, "no region with code '" + code + "'"));
        } else if (!seen.add(code)) {
            errors.add(new FieldError(field, "region " + code + " is listed twice"));
        }
    }

}
