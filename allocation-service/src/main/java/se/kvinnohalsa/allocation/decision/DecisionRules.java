package se.kvinnohalsa.allocation.decision;

import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A decision's lines must add up exactly to the region's published total, each unit named once and no line above the
 * total. The sum is exact (never a {@code long} that wraps around: two lines of 9223372036854775807 and one of
 * 24,846,480 do not add up to 24,846,478).
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    public static List<FieldError> check(DecisionRequest request, long publishedTotalSek) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> units = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            DecisionRequest.Line line = request.lines().get(i);
            if (!units.add(line.unit().strip().toLowerCase(Locale.ROOT))) {
                errors.add(
                        new FieldError("lines[" + i + "].unit", "unit '" + line.unit().strip() + "' is listed twice"));
            }
            if (line.amountSek() < 0 || line.amountSek() > publishedTotalSek) {
                errors.add(new FieldError("lines[" + i + "].amountSek", "must be between 0 and the region's "
                        + "published total " + publishedTotalSek + " SEK, got " + line.amountSek() + " SEK"));
            }
        }
        BigInteger sum = Kronor.exactSum(request.lines().stream().map(DecisionRequest.Line::amountSek).toList());
        if (sum.compareTo(BigInteger.valueOf(publishedTotalSek)) != 0) {
            BigInteger difference = sum.subtract(BigInteger.valueOf(publishedTotalSek));
            errors.add(new FieldError("lines",
                    "the lines add up to " + sum + " SEK but the region's published total is "
                            + publishedTotalSek + " SEK (difference " + (difference.signum() > 0 ? "+" : "")
                            + difference
                            + " SEK)"));
        }
        return errors;
    }
}
