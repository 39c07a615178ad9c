package se.kvinnohalsa.allocation.decision;

import se.kvinnohalsa.support.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A decision's lines must add up exactly to the region's published total, each unit named once. */
public final class DecisionRules {

    private DecisionRules() {
    }

    public static List<FieldError> check(DecisionRequest request, long publishedTotalSek) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> units = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < request.lines().size(); i++) {
            DecisionRequest.Line line = request.lines().get(i);
            if (!units.add(line.unit().strip().toLowerCase(Locale.ROOT))) {
                errors.add(
                        new FieldError("lines[" + i + "].unit", "unit '" + line.unit().strip() + "' is listed twice"));
            }
            sum += line.amountSek();
        }
        if (sum != publishedTotalSek) {
            long difference = sum - publishedTotalSek;
            errors.add(new FieldError("lines",
                    "the lines add up to " + sum + " SEK but the region's published total is "
                            + publishedTotalSek + " SEK (difference " + (difference > 0 ? "+" : "") + difference
                            + " SEK)"));
        }
        return errors;
    }
}
