package se.kvinnohalsa.stack.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the bench's table: the platform's figure beside its physical reference, the ratio of the two and the
 * goal that ratio is held to (issue 17). A row that could not be measured keeps its reason instead of figures.
 *
 * @param id P1, P3, P4, P5, P6 with a suffix where a row has several lines
 * @param what what is measured, in a few words
 * @param value the platform's figure, in {@code unit}
 * @param reference the reference tool's figure (NaN where the reference is the goal itself, P6)
 * @param tool the reference tool
 * @param ratio value ÷ reference (throughput) or the inverse where lower is better, as the goal states it
 * @param goal the goal for the ratio, e.g. {@code >= 1.0}
 * @param note extra figures (p99, memory) and anything that makes the figure doubtful
 */
record Row(String id, String what, double value, String unit, double reference, String referenceUnit, String tool,
        double ratio, String goal, String note) {

    /** A row whose goal is a lower bound on value ÷ reference (throughput). */
    static Row atLeast(String id, String what, double value, double reference, String unit, String tool,
            double goal, String note) {
        return atLeast(id, what, value, unit, reference, unit, tool, goal, note);
    }

    static Row atLeast(String id, String what, double value, String unit, double reference, String referenceUnit,
            String tool, double goal, String note) {
        return new Row(id, what, value, unit, reference, referenceUnit, tool, value / reference, ">= " + goal, note);
    }

    /** A row whose goal is an upper bound on value ÷ reference (latency, time, memory). */
    static Row atMost(String id, String what, double value, double reference, String unit, String referenceUnit,
            String tool, double goal, String note) {
        return new Row(id, what, value, unit, reference, referenceUnit, tool, value / reference, "<= " + goal, note);
    }

    static Row failed(String id, String what, String reason) {
        return new Row(id, what, Double.NaN, "", Double.NaN, "", "", Double.NaN, "", "NOT MEASURED: " + reason);
    }

    /** Whether the ratio reaches the goal; null when nothing was measured. */
    Boolean goalMet() {
        if (Double.isNaN(ratio) || goal.isEmpty()) {
            return null;
        }
        double bound = Double.parseDouble(goal.substring(3));
        return goal.startsWith(">=") ? ratio >= bound : ratio <= bound;
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-5s %-58s %20s %20s %-22s %7s %-8s %s%n",
                "row", "what", "platform", "reference", "reference tool", "ratio", "goal", "note"));
        for (Row row : rows) {
            Boolean met = row.goalMet();
            out.append(String.format(Locale.ROOT, "%-5s %-58s %20s %20s %-22s %7s %-8s %s%n", row.id, row.what,
                    figure(row.value, row.unit), figure(row.reference, row.referenceUnit), row.tool,
                    Double.isNaN(row.ratio) ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio),
                    row.goal + (met == null ? "" : met ? " ok" : " NO"), row.note));
        }
        return out.toString();
    }

    static String figure(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String number = value >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }
}
