package se.kvinnohalsa.indicators.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The pure arithmetic of the reads: national values, rankings with ties, changes and gaps. */
public final class Figures {

    /** National values computed from the regions are given with this many decimals, like the registries' own. */
    public static final int NATIONAL_DECIMALS = 1;

    private Figures() {
    }

    public enum Origin {
        REPORTED, COMPUTED
    }

    public record RegionValue(String regionCode, BigDecimal value, Long denominator) {
    }

    public record National(BigDecimal value, Origin origin) {
    }

    /**
     * The reported SE value when there is one; otherwise computed from the regions: weighted by denominators when
     * every region has one, else the unweighted mean. Null when there is nothing to compute from.
     */
    public static National national(BigDecimal reportedSe, List<RegionValue> regions) {
        if (reportedSe != null) {
            return new National(clean(reportedSe), Origin.REPORTED);
        }
        List<RegionValue> known = regions.stream().filter(r -> r.value() != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        boolean weighted = weighted(known);
        BigDecimal value;
        if (weighted) {
            BigDecimal sum = BigDecimal.ZERO;
            long weights = 0;
            for (RegionValue r : known) {
                sum = sum.add(r.value().multiply(BigDecimal.valueOf(r.denominator())));
                weights += r.denominator();
            }
            value = sum.divide(BigDecimal.valueOf(weights), NATIONAL_DECIMALS, RoundingMode.HALF_UP);
        } else {
            BigDecimal sum = known.stream().map(RegionValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            value = sum.divide(BigDecimal.valueOf(known.size()), NATIONAL_DECIMALS, RoundingMode.HALF_UP);
        }
        return new National(clean(value), Origin.COMPUTED);
    }

    /** Whether a computed national value is weighted by denominators: when every region has one. */
    public static boolean weighted(List<RegionValue> regions) {
        return regions.stream().allMatch(r -> r.denominator() != null && r.denominator() > 0);
    }

    /** Every region sharing the lowest value (ties share the place), by region code. */
    public static List<RegionValue> lowest(List<RegionValue> regions) {
        return extreme(regions, Comparator.naturalOrder());
    }

    /** Every region sharing the highest value, by region code. */
    public static List<RegionValue> highest(List<RegionValue> regions) {
        return extreme(regions, Comparator.reverseOrder());
    }

    private static List<RegionValue> extreme(List<RegionValue> regions, Comparator<BigDecimal> order) {
        List<RegionValue> known = regions.stream().filter(r -> r.value() != null).toList();
        if (known.isEmpty()) {
            return List.of();
        }
        BigDecimal best = known.stream().map(RegionValue::value).min(order).orElseThrow();
        return known.stream().filter(r -> r.value().compareTo(best) == 0)
                .sorted(Comparator.comparing(RegionValue::regionCode))
                .map(r -> new RegionValue(r.regionCode(), clean(r.value()), r.denominator())).toList();
    }

    /** a - b in the unit's points (percentage points for percentages); null when either is missing. */
    public static BigDecimal difference(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : clean(a.subtract(b));
    }

    public record Gap(String regionCode, BigDecimal valueA, BigDecimal valueB, BigDecimal gap, BigDecimal previousGap,
            BigDecimal change) {
    }

    public static Gap gap(String regionCode, BigDecimal a, BigDecimal b, BigDecimal previousA, BigDecimal previousB) {
        BigDecimal gap = difference(a, b);
        BigDecimal previous = difference(previousA, previousB);
        return new Gap(regionCode, clean(a), clean(b), gap, previous, difference(gap, previous));
    }

    /** Largest gap (in absolute terms) first; regions without a gap last; ties by region code. */
    public static List<Gap> largestFirst(List<Gap> gaps) {
        return gaps.stream().sorted(Comparator
                .comparing((Gap g) -> g.gap() == null ? null : g.gap().abs(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Gap::regionCode)).toList();
    }

    /** 90.100 as 90.1 and 100.000 as 100: numbers as people write them. */
    public static BigDecimal clean(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    public static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros());
    }
}
