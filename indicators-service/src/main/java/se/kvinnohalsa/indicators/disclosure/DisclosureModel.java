package se.kvinnohalsa.indicators.disclosure;

import se.kvinnohalsa.indicators.disclosure.PeriodTables.Entry;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.National;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The cells of one period and every relation between them that the published figures let anyone know: what an
 * attacker works with. Every relation holds for the true values (its tolerance covers rounding and the data's own
 * inconsistencies), so the true values are always one of the solutions an attacker has to consider.
 */
final class DisclosureModel {

    /** A value of one group's table: a region's, or the national value in row SE. */
    record Cell(String group, String row, double value, Long denominator, boolean national, double halfUnit) {
    }

    sealed interface Relation permits Linear, Mixture {
        /** Every cell the relation involves. */
        int[] cells();
    }

    /** {@code lower <= sum(coefficients[i] * x[cells[i]]) <= upper}; either bound may be infinite. */
    record Linear(int[] cells, double[] coefficients, double lower, double upper) implements Relation {
    }

    /**
     * A mixture with unknown non-negative weights (a reported national value whose weights are unknown, or a
     * group made of other groups without denominators): {@code min(parts) - tolerance <= whole <= max(parts) +
     * tolerance}.
     */
    record Mixture(int whole, int[] parts, double tolerance) implements Relation {
        @Override
        public int[] cells() {
            int[] all = Arrays.copyOf(parts, parts.length + 1);
            all[parts.length] = whole;
            return all;
        }
    }

    /** Relative slack on every tolerance: floating point must never make the true values infeasible. */
    private static final double SLACK = 1e-9;

    final List<Cell> cells;
    final List<Relation> relations;
    /** For each cell, the relations it takes part in. */
    final List<List<Relation>> relationsOf;
    final double min;
    final double max;

    private DisclosureModel(List<Cell> cells, List<Relation> relations, double min, double max) {
        this.cells = List.copyOf(cells);
        this.relations = List.copyOf(relations);
        this.min = min;
        this.max = max;
        List<List<Relation>> of = new ArrayList<>();
        cells.forEach(c -> of.add(new ArrayList<>()));
        for (Relation relation : relations) {
            Set<Integer> seen = new HashSet<>();
            for (int cell : relation.cells()) {
                if (seen.add(cell)) {
                    of.get(cell).add(relation);
                }
            }
        }
        this.relationsOf = of.stream().map(List::copyOf).toList();
    }

    int size() {
        return cells.size();
    }

    double value(int cell) {
        return cells.get(cell).value();
    }

    /** Registry values are taken to be rounded to at least this many decimals. */
    private static final int REGISTRY_DECIMALS = 1;

    static DisclosureModel of(PeriodTables period, SuppressionRules rules) {
        List<Cell> cells = new ArrayList<>();
        Map<String, Map<String, Integer>> index = new LinkedHashMap<>();
        for (Table table : period.tables()) {
            Map<String, Integer> rows = index.computeIfAbsent(table.group(), g -> new LinkedHashMap<>());
            for (Entry entry : table.regions()) {
                rows.put(entry.region(), cells.size());
                cells.add(new Cell(table.group(), entry.region(), entry.value().doubleValue(), entry.denominator(),
                        false, halfUnit(Math.max(entry.value().stripTrailingZeros().scale(), REGISTRY_DECIMALS))));
            }
            National national = table.national();
            if (national != null) {
                rows.put(PeriodTables.NATIONAL, cells.size());
                cells.add(new Cell(table.group(), PeriodTables.NATIONAL, national.value().doubleValue(),
                        national.denominator(), true, halfUnit(national.decimals())));
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (Table table : period.tables()) {
            Map<String, Integer> rows = index.get(table.group());
            if (table.national() != null && !table.regions().isEmpty()) {
                int national = rows.get(PeriodTables.NATIONAL);
                int[] regions = table.regions().stream().mapToInt(e -> rows.get(e.region())).toArray();
                Relation relation = nationalRelation(cells, national, regions, table.national(), period.min(),
                        period.max());
                if (relation != null) {
                    relations.add(relation);
                }
            }
        }
        relations.addAll(partitions(cells, index, rules, period.min(), period.max()));
        return new DisclosureModel(cells, relations, period.min(), period.max());
    }

    private static double halfUnit(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals).doubleValue() / 2;
    }

    /**
     * The national value as the regions make it up. Computed here: exactly the formula of the reads, known to
     * within the national value's rounding. Reported by the registry: the pooled value of every region it covers,
     * those without a value here being a rest (its own denominator minus the regions'), each value known to within
     * its rounding; a mixture when the weights are unknown.
     */
    private static Relation nationalRelation(List<Cell> cells, int national, int[] regions, National figure,
            double min, double max) {
        boolean weighted = Arrays.stream(regions)
                .allMatch(r -> cells.get(r).denominator() != null && cells.get(r).denominator() > 0);
        switch (figure.weighting()) {
            case UNKNOWN :
                return mixture(cells, national, regions);
            case EQUAL : {
                double[] ones = new double[regions.length];
                Arrays.fill(ones, 1);
                return weightedWhole(cells, national, regions.length, regions, ones, 0, 0, 0, !figure.reported());
            }
            default : {
                if (!weighted) {
                    return mixture(cells, national, regions);
                }
                double[] weights = Arrays.stream(regions).mapToDouble(r -> cells.get(r).denominator()).toArray();
                long total = Arrays.stream(regions).mapToLong(r -> cells.get(r).denominator()).sum();
                long whole = figure.reported() && figure.denominator() != null && figure.denominator() >= total
                        ? figure.denominator()
                        : total;
                return weightedWhole(cells, national, whole, regions, weights, whole - total, min, max,
                        !figure.reported());
            }
        }
    }

    /** Groups that make up the whole group (ALL), in every row (regions and SE) where all of them have a value. */
    private static List<Relation> partitions(List<Cell> cells, Map<String, Map<String, Integer>> index,
            SuppressionRules rules, double min, double max) {
        Map<String, Integer> wholeRows = index.get(rules.whole());
        List<Relation> relations = new ArrayList<>();
        if (wholeRows == null) {
            return relations;
        }
        List<String> groups = index.keySet().stream().filter(g -> !g.equals(rules.whole())).toList();
        for (Map.Entry<String, Integer> row : wholeRows.entrySet()) {
            int whole = row.getValue();
            Set<Set<String>> declared = new HashSet<>();
            for (List<String> partition : rules.partitions()) {
                int[] parts = cellsOf(index, partition, row.getKey());
                if (parts == null) {
                    continue;
                }
                declared.add(Set.copyOf(partition));
                Relation relation = partition(cells, whole, parts, min, max);
                if (relation != null && (!PeriodTables.NATIONAL.equals(row.getKey()) || relation instanceof Linear)) {
                    // National values are pooled over their regions only when weighted: a mean of regions is no mixture
                    relations.add(relation);
                }
            }
            // Pairs whose denominators add up exactly to the whole's are a partition whatever the catalog says.
            Long wholeDenominator = cells.get(whole).denominator();
            for (int a = 0; a < groups.size() && wholeDenominator != null; a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    int[] parts = cellsOf(index, List.of(groups.get(a), groups.get(b)), row.getKey());
                    if (parts == null || declared.contains(Set.of(groups.get(a), groups.get(b)))) {
                        continue;
                    }
                    Long da = cells.get(parts[0]).denominator();
                    Long db = cells.get(parts[1]).denominator();
                    if (da != null && db != null && da + db == wholeDenominator) {
                        relations.add(partition(cells, whole, parts, min, max));
                    }
                }
            }
        }
        return relations;
    }

    private static int[] cellsOf(Map<String, Map<String, Integer>> index, List<String> groups, String row) {
        int[] found = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            Map<String, Integer> rows = index.get(groups.get(i));
            Integer cell = rows == null ? null : rows.get(row);
            if (cell == null) {
                return null;
            }
            found[i] = cell;
        }
        return found;
    }

    /**
     * With every denominator known: sum(d_p * x_p) + rest * x_rest = d_whole * x_whole, where the rest (women in
     * none of the parts, e.g. unknown country of birth) has some value within the unit's range. Without them: a
     * mixture. Null when the denominators say the parts are larger than the whole (not a partition of this row).
     */
    private static Relation partition(List<Cell> cells, int whole, int[] parts, double min, double max) {
        Long wholeDenominator = cells.get(whole).denominator();
        boolean known = wholeDenominator != null
                && Arrays.stream(parts).allMatch(p -> cells.get(p).denominator() != null);
        if (!known) {
            return mixture(cells, whole, parts);
        }
        double[] weights = Arrays.stream(parts).mapToDouble(p -> cells.get(p).denominator()).toArray();
        long rest = wholeDenominator - Arrays.stream(parts).mapToLong(p -> cells.get(p).denominator()).sum();
        return rest < 0 ? null : weightedWhole(cells, whole, wholeDenominator, parts, weights, rest, min, max, false);
    }

    /**
     * {@code sum(w_p * x_p) - W * x_whole = -rest * x_rest}, the rest's value within [min, max]. Rounding: of the
     * whole only when it is computed here from the parts' published values, else of every value.
     */
    private static Linear weightedWhole(List<Cell> cells, int whole, double wholeWeight, int[] parts,
            double[] weights, double rest, double min, double max, boolean computed) {
        int[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = whole;
        double[] coefficients = Arrays.copyOf(weights, weights.length + 1);
        coefficients[parts.length] = -wholeWeight;
        double lower = rest == 0 ? 0 : -rest * max;
        double upper = rest == 0 ? 0 : -rest * min;
        return linear(cells, all, coefficients, lower, upper, computed ? whole : -1);
    }

    /**
     * A linear relation whose bounds are widened by the rounding of the published values in it (only of
     * {@code onlyRounded} when that is a cell, the others being exact) and, where the data do not quite add up, by
     * as much as they miss: the true values always satisfy it.
     */
    private static Linear linear(List<Cell> cells, int[] ids, double[] coefficients, double lower, double upper,
            int onlyRounded) {
        double sum = 0;
        double rounding = 0;
        double scale = 1;
        for (int i = 0; i < ids.length; i++) {
            Cell cell = cells.get(ids[i]);
            sum += coefficients[i] * cell.value();
            if (onlyRounded < 0 || onlyRounded == ids[i]) {
                rounding += Math.abs(coefficients[i]) * cell.halfUnit();
            }
            scale += Math.abs(coefficients[i]) * (1 + Math.abs(cell.value()));
        }
        double miss = Math.max(Math.max(lower - sum, sum - upper), 0);
        double tolerance = Math.max(rounding, miss) + SLACK * scale;
        return new Linear(ids, coefficients, lower - tolerance, upper + tolerance);
    }

    private static Mixture mixture(List<Cell> cells, int whole, int[] parts) {
        double lowest = Arrays.stream(parts).mapToDouble(p -> cells.get(p).value()).min().orElseThrow();
        double highest = Arrays.stream(parts).mapToDouble(p -> cells.get(p).value()).max().orElseThrow();
        double value = cells.get(whole).value();
        double rounding = Math.max(cells.get(whole).halfUnit(),
                Arrays.stream(parts).mapToDouble(p -> cells.get(p).halfUnit()).max().orElse(0));
        double outside = Math.max(Math.max(lowest - value, value - highest), 0);
        return new Mixture(whole, parts,
                Math.max(rounding, outside) + SLACK * (1 + Math.abs(value) + Math.abs(highest)));
    }

    @Override
    public String toString() {
        return cells.size() + " cells, " + relations.size() + " relations";
    }

    static String key(Cell cell) {
        return Objects.requireNonNull(cell.group()) + "|" + cell.row();
    }
}
