package se.kvinnohalsa.reporting.summary;

import se.kvinnohalsa.reporting.report.ReportStatus;

import java.math.BigDecimal;
import java.util.List;

/**
 * The national summary of a year, public. Counted over submitted and accepted reports:
 * <ul>
 *   <li>{@code focusAreas}: kronor per focus area summed over the regions whose spending is fully split
 *       ({@code includedRegions}); {@code sharePercent} = amount / {@code splitTotalSek} x 100, one decimal. So the
 *       shares are amount-weighted: a large region weighs more.</li>
 *   <li>{@code excludedRegions}: every other region with the reason NOT_SUBMITTED, NOT_SPLIT or PARTLY_SPLIT and,
 *       for submitted reports, the region's own {@code statedReason}.</li>
 *   <li>{@code targetGroups}: activities per target group over every submitted report (split or not); an activity
 *       for two groups counts for both, so shares may add up to more than 100. {@code activities}: their number.</li>
 *   <li>{@code spendingVsAllocation}: per submitted region, what it says it spent in all against its published
 *       allocation: OVER (co-funded by the region), UNDER, EQUAL, or UNKNOWN (no total, or no allocation known).</li>
 * </ul>
 */
public record NationalSummary(int year, int regions, int submitted, int accepted, int late,
        long splitTotalSek, List<FocusAreaShare> focusAreas, List<String> includedRegions,
        List<Excluded> excludedRegions, int activities, List<TargetGroupShare> targetGroups,
        List<SpendingVsAllocation> spendingVsAllocation) {

    public record FocusAreaShare(String code, String name, long amountSek, BigDecimal sharePercent) {
    }

    public enum ExclusionReason {
        NOT_SUBMITTED, NOT_SPLIT, PARTLY_SPLIT
    }

    public record Excluded(String regionCode, ExclusionReason reason, ReportStatus status, String statedReason) {
    }

    public record TargetGroupShare(String code, int activityCount, BigDecimal sharePercent) {
    }

    public enum Outcome {
        OVER, UNDER, EQUAL, UNKNOWN
    }

    public record SpendingVsAllocation(String regionCode, Long allocatedSek, Long spentSek, Long differenceSek,
            BigDecimal spentPercentOfAllocation, Outcome outcome) {
    }
}
