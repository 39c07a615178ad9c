package se.kvinnohalsa.indicators.disclosure;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which cells of one period the public reads withhold, and why; with the figures of the run that made it.
 *
 * @param reasons
 *            group, then row (region code or SE for the national value), to the reason
 * @param primary
 *            small cells
 * @param complementary
 *            cells withheld to protect them
 * @param audits
 *            feasibility intervals computed
 * @param linearPrograms
 *            linear programs solved for them
 */
public record SuppressionPlan(Map<String, Map<String, SuppressionReason>> reasons, int primary, int complementary,
        int audits, int linearPrograms) {

    /** Nothing withheld: a period without small cells, or an admin's view. */
    public static final SuppressionPlan NONE = new SuppressionPlan(Map.of(), 0, 0, 0, 0);

    public SuppressionPlan {
        reasons = Map.copyOf(reasons.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
    }

    /** Why the cell is withheld; null when it is published. */
    public SuppressionReason reason(String group, String row) {
        Map<String, SuppressionReason> ofGroup = reasons.get(group);
        return ofGroup == null ? null : ofGroup.get(row);
    }

    public boolean suppressed(String group, String row) {
        return reason(group, row) != null;
    }
}
