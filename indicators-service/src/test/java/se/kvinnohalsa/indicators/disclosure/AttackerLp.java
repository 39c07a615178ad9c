package se.kvinnohalsa.indicators.disclosure;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker's audit, written apart from the service's (no code shared with FeasibilityAudit): every figure the
 * attacker could read is either published (a number) or unknown (a variable within the unit's range); every relation
 * the attacker knows is a linear constraint; a mixture with unknown weights gives the classic one-unknown bounds
 * (if every published part lies below the whole, the one unknown part lies above it; an unknown whole lies between
 * its published parts). One linear program per bound, over everything at once. Infeasible means the attacker's
 * assumptions are wrong: the simplex then throws, and the test fails loudly.
 */
final class AttackerLp {

    record Interval(double lower, double upper) {
        boolean protects(double truth, double protection, double min, double max) {
            return lower <= Math.max(truth - protection, min) + 1e-6
                    && upper >= Math.min(truth + protection, max) - 1e-6;
        }
    }

    private record Relation(Map<String, Double> coefficients, double lower, double upper) {
    }

    private record Between(String whole, List<String> parts, double tolerance) {
    }

    private final double min;
    private final double max;
    private final Map<String, Double> published = new LinkedHashMap<>();
    private final Map<String, Integer> unknown = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Between> mixtures = new ArrayList<>();
    private final Map<String, double[]> bounds = new LinkedHashMap<>();

    AttackerLp(double min, double max) {
        this.min = min;
        this.max = max;
    }

    void published(String key, double value) {
        published.put(key, value);
    }

    void unknown(String key) {
        unknown.putIfAbsent(key, unknown.size());
    }

    boolean isUnknown(String key) {
        return unknown.containsKey(key);
    }

    boolean isPublished(String key) {
        return published.containsKey(key);
    }

    Double publishedValue(String key) {
        return published.get(key);
    }

    /** lower <= sum(coefficient * figure) <= upper. */
    void relation(Map<String, Double> coefficients, double lower, double upper) {
        relations.add(new Relation(Map.copyOf(coefficients), lower, upper));
    }

    /** A bound learnt otherwise (e.g. a target that is said to be met). */
    void bound(String key, double lower, double upper) {
        bounds.merge(key, new double[]{lower, upper},
                (a, b) -> new double[]{Math.max(a[0], b[0]), Math.min(a[1], b[1])});
    }

    /** The whole is a mixture of the parts with unknown weights. */
    void between(String whole, List<String> parts, double tolerance) {
        mixtures.add(new Between(whole, List.copyOf(parts), tolerance));
    }

    /** The one-unknown derivations of a mixture, as bounds: run before the linear programs. */
    private void mixtureBounds() {
        for (Between m : mixtures) {
            List<String> unknownParts = m.parts().stream().filter(unknown::containsKey).toList();
            boolean wholeKnown = published.containsKey(m.whole());
            if (wholeKnown && unknownParts.size() == 1) {
                double whole = published.get(m.whole());
                List<Double> others = m.parts().stream().filter(published::containsKey).map(published::get).toList();
                double highest = others.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                double lowest = others.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                if (highest < whole - m.tolerance()) {
                    bound(unknownParts.get(0), whole - m.tolerance(), Double.POSITIVE_INFINITY);
                }
                if (lowest > whole + m.tolerance()) {
                    bound(unknownParts.get(0), Double.NEGATIVE_INFINITY, whole + m.tolerance());
                }
            } else if (!wholeKnown && unknown.containsKey(m.whole()) && unknownParts.isEmpty()) {
                double highest = m.parts().stream().mapToDouble(published::get).max().orElseThrow();
                double lowest = m.parts().stream().mapToDouble(published::get).min().orElseThrow();
                bound(m.whole(), lowest - m.tolerance(), highest + m.tolerance());
            }
        }
    }

    Interval interval(String key) {
        if (published.containsKey(key)) {
            return new Interval(published.get(key), published.get(key));
        }
        mixtureBounds();
        int n = unknown.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Map.Entry<String, Integer> u : unknown.entrySet()) {
            double[] lowHigh = bounds.getOrDefault(u.getKey(),
                    new double[]{Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            constraints.add(new LinearConstraint(unit(n, u.getValue()), Relationship.GEQ, Math.max(min, lowHigh[0])));
            double upper = Math.min(max, lowHigh[1]);
            if (Double.isFinite(upper)) {
                constraints.add(new LinearConstraint(unit(n, u.getValue()), Relationship.LEQ, upper));
            }
        }
        for (Relation r : relations) {
            double[] row = new double[n];
            double constant = 0;
            boolean any = false;
            for (Map.Entry<String, Double> c : r.coefficients().entrySet()) {
                if (unknown.containsKey(c.getKey())) {
                    row[unknown.get(c.getKey())] += c.getValue();
                    any = true;
                } else {
                    constant += c.getValue() * published.get(c.getKey());
                }
            }
            if (!any) {
                continue;
            }
            if (Double.isFinite(r.lower())) {
                constraints.add(new LinearConstraint(row, Relationship.GEQ, r.lower() - constant));
            }
            if (Double.isFinite(r.upper())) {
                constraints.add(new LinearConstraint(row, Relationship.LEQ, r.upper() - constant));
            }
        }
        return new Interval(optimum(constraints, n, unknown.get(key), GoalType.MINIMIZE),
                optimum(constraints, n, unknown.get(key), GoalType.MAXIMIZE));
    }

    private static double optimum(List<LinearConstraint> constraints, int n, int variable, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(unit(n, variable), 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(false),
                    PivotSelectionRule.BLAND).getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    private static double[] unit(int n, int i) {
        double[] row = new double[n];
        row[i] = 1;
        return row;
    }
}
