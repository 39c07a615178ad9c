package se.kvinnohalsa.indicators.disclosure;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one period of an indicator publishes, as the disclosure control sees it: a table per group (ALL and the
 * indicator's groups), each with its regions' values and the national value. Cells are the true values; the plan
 * says which of them the public reads withhold.
 *
 * @param tables
 *            one per group with values in the period
 * @param min
 *            the smallest value the unit allows (0 for every unit)
 * @param max
 *            the largest value the unit allows (100 for percent); {@code Double.POSITIVE_INFINITY} when unbounded
 */
public record PeriodTables(List<Table> tables, double min, double max) {

    /** The row that holds the national value in every table. */
    public static final String NATIONAL = "SE";

    public PeriodTables {
        tables = List.copyOf(tables);
    }

    /**
     * One group's table.
     *
     * @param national
     *            the published national value, null when there is none
     */
    public record Table(String group, List<Entry> regions, National national) {
        public Table {
            regions = List.copyOf(regions);
        }
    }

    /** A region's value; the denominator (the number of women behind it) when the registry gave one. */
    public record Entry(String region, BigDecimal value, Long denominator) {
    }

    /**
     * The national value as published, and how it relates to the regions' values.
     *
     * @param weighting
     *            how the national value is made of the regions' values
     * @param denominator
     *            the women behind it: a reported value's own, a computed value's sum of the regions'; null when
     *            unknown
     * @param decimals
     *            the decimals it is published with: it is known to within half a unit of the last one
     * @param reported
     *            the registry's own (SE) value rather than one computed from the regions
     */
    public record National(BigDecimal value, Weighting weighting, Long denominator, int decimals, boolean reported) {
    }

    /** How the national value combines the regions' values. */
    public enum Weighting {
        /** Weighted by the regions' denominators, which an attacker is assumed to know (births are public). */
        DENOMINATORS,
        /** The unweighted mean of the regions' values. */
        EQUAL,
        /** A reported value whose weights are unknown: it lies between the lowest and the highest region. */
        UNKNOWN
    }
}
