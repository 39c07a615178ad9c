package se.kvinnohalsa.indicators.disclosure;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import se.kvinnohalsa.indicators.disclosure.DisclosureModel.Linear;
import se.kvinnohalsa.indicators.disclosure.DisclosureModel.Mixture;
import se.kvinnohalsa.indicators.disclosure.DisclosureModel.Relation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit of a suppression pattern: the feasibility interval of a withheld cell, i.e. the lowest and the highest
 * value it can take while every published figure stays as published and every relation between figures holds. Linear
 * relations give a linear program (Apache Commons Math's simplex); a mixture with unknown weights is a disjunction
 * (the whole is at most the largest part: one of the parts is at least the whole), so the audit solves one linear
 * program per case and takes the hull. That is the exact interval an attacker can reach from the relations of the
 * model.
 */
final class FeasibilityAudit {

    record Interval(double lower, double upper) {
    }

    /** More cases than this (mixtures with many withheld parts at once) drop their widest disjunctions. */
    private static final int MAX_CASES = 4096;
    private static final int MAX_ITERATIONS = 10_000;

    private final DisclosureModel model;
    private int audits;
    private int linearPrograms;

    FeasibilityAudit(DisclosureModel model) {
        this.model = model;
    }

    int audits() {
        return audits;
    }

    int linearPrograms() {
        return linearPrograms;
    }

    /** The withheld cells linked to the target through relations (the target first). */
    List<Integer> component(int target, BitSet hidden) {
        Set<Integer> component = new LinkedHashSet<>();
        Deque<Integer> queue = new ArrayDeque<>();
        component.add(target);
        queue.add(target);
        while (!queue.isEmpty()) {
            for (Relation relation : model.relationsOf.get(queue.poll())) {
                for (int cell : relation.cells()) {
                    if (hidden.get(cell) && component.add(cell)) {
                        queue.add(cell);
                    }
                }
            }
        }
        return List.copyOf(component);
    }

    /** The published cells that share a relation with a withheld cell of the target's component. */
    List<Integer> neighbours(int target, BitSet hidden) {
        Set<Integer> neighbours = new LinkedHashSet<>();
        for (int cell : component(target, hidden)) {
            for (Relation relation : model.relationsOf.get(cell)) {
                for (int other : relation.cells()) {
                    if (!hidden.get(other)) {
                        neighbours.add(other);
                    }
                }
            }
        }
        return List.copyOf(neighbours);
    }

    Interval interval(int target, BitSet hidden) {
        audits++;
        double own = model.value(target);
        if (!hidden.get(target)) {
            return new Interval(own, own);
        }
        List<Integer> component = component(target, hidden);
        Map<Integer, Integer> variables = new LinkedHashMap<>();
        component.forEach(c -> variables.put(c, variables.size()));
        int n = variables.size();

        List<LinearConstraint> fixed = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (model.min != 0) { // 0 is the non-negativity the solver is given
                fixed.add(new LinearConstraint(unit(n, v), Relationship.GEQ, model.min));
            }
            if (Double.isFinite(model.max)) {
                fixed.add(new LinearConstraint(unit(n, v), Relationship.LEQ, model.max));
            }
        }
        List<List<LinearConstraint>> disjunctions = new ArrayList<>();
        Set<Relation> relations = new LinkedHashSet<>();
        component.forEach(c -> relations.addAll(model.relationsOf.get(c)));
        for (Relation relation : relations) {
            if (relation instanceof Linear linear) {
                addLinear(linear, variables, fixed);
            } else if (relation instanceof Mixture mixture) {
                for (List<LinearConstraint> alternatives : disjunctions(mixture, variables)) {
                    if (alternatives.size() == 1) {
                        fixed.add(alternatives.get(0));
                    } else {
                        disjunctions.add(alternatives);
                    }
                }
            }
        }
        // Beyond MAX_CASES the widest disjunctions are dropped: a weaker attacker, never seen in practice.
        disjunctions.sort((a, b) -> Integer.compare(a.size(), b.size()));
        long cases = 1;
        int kept = 0;
        while (kept < disjunctions.size() && cases * disjunctions.get(kept).size() <= MAX_CASES) {
            cases *= disjunctions.get(kept).size();
            kept++;
        }
        double[] hull = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        enumerate(disjunctions.subList(0, kept), 0, new ArrayList<>(fixed), n, variables.get(target), hull);
        if (hull[0] > hull[1]) {
            // No case solved (numerically troubled): count the cell as exposed, which only ever withholds more.
            return new Interval(own, own);
        }
        return new Interval(hull[0], hull[1]);
    }

    private void enumerate(List<List<LinearConstraint>> disjunctions, int depth, List<LinearConstraint> constraints,
            int n, int target, double[] hull) {
        if (depth == disjunctions.size()) {
            Double lowest = optimum(constraints, n, target, GoalType.MINIMIZE);
            if (lowest == null) {
                return;
            }
            Double highest = optimum(constraints, n, target, GoalType.MAXIMIZE);
            if (highest == null) {
                return;
            }
            hull[0] = Math.min(hull[0], lowest);
            hull[1] = Math.max(hull[1], highest);
            return;
        }
        for (LinearConstraint alternative : disjunctions.get(depth)) {
            constraints.add(alternative);
            enumerate(disjunctions, depth + 1, constraints, n, target, hull);
            constraints.remove(constraints.size() - 1);
        }
    }

    /** The optimum of the target; infinite when unbounded; null when this case has no solution. */
    private Double optimum(List<LinearConstraint> constraints, int n, int target, GoalType goal) {
        linearPrograms++;
        try {
            return new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS),
                    new LinearObjectiveFunction(unit(n, target), 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(model.min >= 0), PivotSelectionRule.BLAND).getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            return null;
        }
    }

    /** A linear relation over the withheld cells, the published ones moved to the bounds (scaled to 1). */
    private void addLinear(Linear linear, Map<Integer, Integer> variables, List<LinearConstraint> into) {
        double[] row = new double[variables.size()];
        double constant = 0;
        for (int i = 0; i < linear.cells().length; i++) {
            Integer variable = variables.get(linear.cells()[i]);
            if (variable == null) {
                constant += linear.coefficients()[i] * model.value(linear.cells()[i]);
            } else {
                row[variable] += linear.coefficients()[i];
            }
        }
        double largest = 0;
        for (double coefficient : row) {
            largest = Math.max(largest, Math.abs(coefficient));
        }
        if (largest == 0) {
            return;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] /= largest;
        }
        if (Double.isFinite(linear.lower())) {
            into.add(new LinearConstraint(row, Relationship.GEQ, (linear.lower() - constant) / largest));
        }
        if (Double.isFinite(linear.upper())) {
            into.add(new LinearConstraint(row, Relationship.LEQ, (linear.upper() - constant) / largest));
        }
    }

    private static double[] unit(int n, int i) {
        double[] row = new double[n];
        row[i] = 1;
        return row;
    }

    /**
     * A mixture as two disjunctions, each a list of alternatives of which at least one holds: the whole is at most
     * the largest part plus the tolerance ({@code whole - part <= t} for some part) and at least the smallest part
     * minus it ({@code part - whole <= t} for some part). A disjunction that the published values already satisfy
     * is left out; of the published parts only the one that allows most matters.
     */
    private List<List<LinearConstraint>> disjunctions(Mixture mixture, Map<Integer, Integer> variables) {
        List<List<LinearConstraint>> result = new ArrayList<>();
        for (int sign : new int[]{1, -1}) {
            // sign 1: whole - part <= t; sign -1: part - whole <= t
            List<LinearConstraint> alternatives = new ArrayList<>();
            boolean satisfied = false;
            double loosest = Double.NaN;
            for (int part : mixture.parts()) {
                Integer wholeVariable = variables.get(mixture.whole());
                Integer partVariable = variables.get(part);
                if (wholeVariable == null && partVariable == null) {
                    satisfied |= sign * (model.value(mixture.whole()) - model.value(part)) <= mixture.tolerance();
                } else if (partVariable == null) {
                    // whole <= part + t (sign 1) or whole >= part - t (sign -1): keep the published part that allows most
                    double value = model.value(part);
                    loosest = Double.isNaN(loosest)
                            ? value
                            : sign > 0 ? Math.max(loosest, value) : Math.min(loosest, value);
                } else {
                    double[] row = new double[variables.size()];
                    double constant = 0;
                    if (wholeVariable == null) {
                        constant += sign * model.value(mixture.whole());
                    } else {
                        row[wholeVariable] += sign;
                    }
                    row[partVariable] -= sign;
                    alternatives.add(new LinearConstraint(row, Relationship.LEQ, mixture.tolerance() - constant));
                }
            }
            if (satisfied) {
                continue;
            }
            if (!Double.isNaN(loosest)) {
                double[] row = unit(variables.size(), variables.get(mixture.whole()));
                alternatives.add(sign > 0
                        ? new LinearConstraint(row, Relationship.LEQ, loosest + mixture.tolerance())
                        : new LinearConstraint(row, Relationship.GEQ, loosest - mixture.tolerance()));
            }
            if (!alternatives.isEmpty()) {
                result.add(alternatives);
            }
        }
        return result;
    }
}
