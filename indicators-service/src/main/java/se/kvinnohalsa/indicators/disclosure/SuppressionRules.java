package se.kvinnohalsa.indicators.disclosure;

import java.util.List;

/**
 * The rules of the disclosure control.
 *
 * @param minDenominator
 *            a value with fewer women behind it is a small cell (primary suppression)
 * @param protection
 *            no published combination of figures may bound a small cell's value tighter than this many points of
 *            the unit on either side of its true value (within the unit's range)
 * @param whole
 *            the group that every partition makes up (ALL)
 * @param partitions
 *            groups that together make up the whole group (e.g. born in Sweden and born abroad); pairs whose
 *            denominators add up to the whole's are recognized from the data as well
 */
public record SuppressionRules(long minDenominator, double protection, String whole, List<List<String>> partitions) {

    public SuppressionRules {
        partitions = partitions.stream().map(List::copyOf).toList();
    }
}
