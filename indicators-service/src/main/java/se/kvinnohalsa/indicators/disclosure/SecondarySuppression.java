package se.kvinnohalsa.indicators.disclosure;

import se.kvinnohalsa.indicators.disclosure.DisclosureModel.Cell;
import se.kvinnohalsa.indicators.disclosure.DisclosureModel.Relation;
import se.kvinnohalsa.indicators.disclosure.FeasibilityAudit.Interval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secondary (complementary) cell suppression by <b>iterative LP audit with greedy complementary suppression</b>, the
 * audit-and-suppress loop that statistical offices run after tau-Argus:
 * <ol>
 * <li>Primary suppression: every cell with a denominator below the minimum (a small cell) is withheld.</li>
 * <li>Audit: for each small cell, its feasibility interval over everything that is still published
 * ({@link FeasibilityAudit}: a linear program over every published linear relation, one per case of the mixtures
 * with unknown weights). The cell is protected when the interval reaches at least the protection distance below
 * and above its true value (or the end of the unit's range, where that is nearer).</li>
 * <li>Greedy complement: for the first unprotected small cell, try the published cells that share a relation with
 * it (or with a withheld cell linked to it), cheapest first; withhold the first that protects it on its own, else
 * the one that brings it closest to protection, else a cell of a relation in which it is the only unknown. Repeat
 * from 2. Adding a cell never narrows any interval, so a protected cell stays protected.</li>
 * <li>Clean-up: try to publish again each complementary cell, dearest first; keep it published when every small cell
 * stays protected.</li>
 * </ol>
 * Cost, i.e. information loss, counts cells: regions before the national value (which is withheld only when no
 * region can protect), smaller denominators before larger ones. Withholding every cell of a period always
 * protects (all values equal satisfies every relation), so the loop ends.
 */
public final class SecondarySuppression {

    /** Intervals are compared with this much slack for the simplex' rounding. */
    private static final double PRECISION = 1e-6;

    private final SuppressionRules rules;

    public SecondarySuppression(SuppressionRules rules) {
        this.rules = rules;
    }

    public SuppressionPlan plan(PeriodTables period) {
        DisclosureModel model = DisclosureModel.of(period, rules);
        List<Integer> primary = new ArrayList<>();
        for (int cell = 0; cell < model.size(); cell++) {
            Long denominator = model.cells.get(cell).denominator();
            if (denominator != null && denominator < rules.minDenominator()) {
                primary.add(cell);
            }
        }
        if (primary.isEmpty()) {
            return SuppressionPlan.NONE;
        }
        FeasibilityAudit audit = new FeasibilityAudit(model);
        BitSet hidden = new BitSet(model.size());
        primary.forEach(hidden::set);
        Comparator<Integer> cheapestFirst = cost(model);
        BitSet protectedCells = new BitSet(model.size());
        for (int step = 0; step <= model.size(); step++) {
            Integer exposed = null;
            for (int cell : primary) {
                if (!protectedCells.get(cell)) {
                    if (deficit(model, audit, cell, hidden) <= PRECISION) {
                        protectedCells.set(cell);
                    } else if (exposed == null) {
                        exposed = cell;
                    }
                }
            }
            if (exposed == null) {
                break;
            }
            int chosen = complement(model, audit, exposed, hidden, cheapestFirst);
            if (chosen < 0) {
                hidden.set(0, model.size()); // nothing left to try: withhold the whole period
                break;
            }
            hidden.set(chosen);
        }
        List<Integer> complementary = new ArrayList<>(hidden.stream().filter(c -> !primary.contains(c)).boxed()
                .toList());
        complementary.sort(cheapestFirst.reversed());
        for (int cell : complementary) {
            hidden.clear(cell);
            if (primary.stream().anyMatch(p -> deficit(model, audit, p, hidden) > PRECISION)) {
                hidden.set(cell);
            }
        }
        Map<String, Map<String, SuppressionReason>> reasons = new LinkedHashMap<>();
        hidden.stream().forEach(c -> {
            Cell cell = model.cells.get(c);
            reasons.computeIfAbsent(cell.group(), g -> new LinkedHashMap<>()).put(cell.row(),
                    primary.contains(c) ? SuppressionReason.SMALL_CELL : SuppressionReason.COMPLEMENTARY);
        });
        return new SuppressionPlan(reasons, primary.size(), hidden.cardinality() - primary.size(), audit.audits(),
                audit.linearPrograms());
    }

    /** The cell to withhold next for an exposed small cell, or -1 when there is none left to try. */
    private int complement(DisclosureModel model, FeasibilityAudit audit, int exposed, BitSet hidden,
            Comparator<Integer> cheapestFirst) {
        List<Integer> candidates = new ArrayList<>(audit.neighbours(exposed, hidden));
        if (candidates.isEmpty()) {
            return -1;
        }
        candidates.sort(cheapestFirst);
        double before = deficit(model, audit, exposed, hidden);
        int closest = -1;
        double closestDeficit = before;
        for (int candidate : candidates) {
            hidden.set(candidate);
            double after = deficit(model, audit, exposed, hidden);
            hidden.clear(candidate);
            if (after <= PRECISION) {
                return candidate;
            }
            if (after < closestDeficit - PRECISION) {
                closest = candidate;
                closestDeficit = after;
            }
        }
        if (closest >= 0) {
            return closest;
        }
        // Several relations pin the cell each on its own: open one in which it is the only unknown.
        for (int candidate : candidates) {
            for (Relation relation : model.relationsOf.get(exposed)) {
                if (contains(relation, candidate) && onlyUnknown(relation, exposed, hidden)) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }

    private static boolean contains(Relation relation, int cell) {
        for (int c : relation.cells()) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyUnknown(Relation relation, int cell, BitSet hidden) {
        for (int c : relation.cells()) {
            if (c != cell && hidden.get(c)) {
                return false;
            }
        }
        return true;
    }

    /** How far the cell's feasibility interval falls short of the protection interval (0 when protected). */
    private double deficit(DisclosureModel model, FeasibilityAudit audit, int cell, BitSet hidden) {
        Interval interval = audit.interval(cell, hidden);
        double value = model.value(cell);
        double lower = Math.max(value - rules.protection(), model.min);
        double upper = Math.min(value + rules.protection(), model.max);
        return Math.max(0, interval.lower() - lower) + Math.max(0, upper - interval.upper());
    }

    /** Information loss: regions before national values, then smaller denominators first, then table order. */
    private static Comparator<Integer> cost(DisclosureModel model) {
        return Comparator.<Integer, Boolean>comparing(c -> model.cells.get(c).national())
                .thenComparingLong(c -> {
                    Long denominator = model.cells.get(c).denominator();
                    return denominator == null ? 0 : denominator;
                }).thenComparingInt(c -> c);
    }
}
