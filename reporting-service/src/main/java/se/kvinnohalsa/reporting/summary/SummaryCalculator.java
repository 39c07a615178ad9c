package se.kvinnohalsa.reporting.summary;

import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;
import se.kvinnohalsa.reporting.report.TargetGroup;
import se.kvinnohalsa.support.money.Kronor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national sums of a year from every region's report: pure arithmetic, see {@link NationalSummary}. Sums are exact
 * (amounts are bounded, so they fit a long; were they not, the sum fails instead of wrapping around).
 */
public final class SummaryCalculator {

    private static final int PERCENT_SCALE = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SummaryCalculator() {
    }

    /** What the summary needs of one region's report; status NOT_STARTED when the region has none. */
    public record RegionReport(String regionCode, ReportStatus status, boolean late, SpendingSplit split,
            Map<String, Long> lines, String notSplitReason, Long totalSpentSek,
            List<List<TargetGroup>> activityTargetGroups) {

        public static RegionReport notStarted(String regionCode) {
            return new RegionReport(regionCode, ReportStatus.NOT_STARTED, false, null, Map.of(), null, null, List.of());
        }
    }

    /**
     * @param focusAreas  the agreement year's focus areas, code to name, in the agreement's order
     * @param reports     one per region, in region code order
     * @param allocations published allocation per region code
     */
    public static NationalSummary summarise(int year, Map<String, String> focusAreas, List<RegionReport> reports,
            Map<String, Long> allocations) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        focusAreas.keySet().forEach(code -> amounts.put(code, 0L));
        List<String> included = new ArrayList<>();
        List<NationalSummary.Excluded> excluded = new ArrayList<>();
        Map<TargetGroup, Integer> groups = new EnumMap<>(TargetGroup.class);
        List<NationalSummary.SpendingVsAllocation> spending = new ArrayList<>();
        int submitted = 0;
        int accepted = 0;
        int late = 0;
        int activities = 0;
        for (RegionReport report : reports) {
            if (!report.status().submitted()) {
                excluded.add(
                        new NationalSummary.Excluded(report.regionCode(), NationalSummary.ExclusionReason.NOT_SUBMITTED,
                                report.status(), null));
                continue;
            }
            submitted++;
            accepted += report.status() == ReportStatus.ACCEPTED ? 1 : 0;
            late += report.late() ? 1 : 0;
            if (report.split() == SpendingSplit.FULLY_SPLIT) {
                included.add(report.regionCode());
                report.lines().forEach((code, amount) -> amounts.merge(code, amount, Math::addExact));
            } else {
                excluded.add(new NationalSummary.Excluded(report.regionCode(),
                        report.split() == SpendingSplit.PARTLY_SPLIT
                                ? NationalSummary.ExclusionReason.PARTLY_SPLIT
                                : NationalSummary.ExclusionReason.NOT_SPLIT,
                        report.status(), report.notSplitReason()));
            }
            for (List<TargetGroup> activity : report.activityTargetGroups()) {
                activities++;
                activity.stream().distinct().forEach(g -> groups.merge(g, 1, Integer::sum));
            }
            spending.add(compare(report.regionCode(), allocations.get(report.regionCode()), report.totalSpentSek()));
        }
        long total = Kronor.sum(amounts.values());
        List<NationalSummary.FocusAreaShare> shares = new ArrayList<>();
        amounts.forEach((code, amount) -> shares.add(new NationalSummary.FocusAreaShare(code,
                focusAreas.getOrDefault(code, code), amount, percent(amount, total))));
        List<NationalSummary.TargetGroupShare> groupShares = new ArrayList<>();
        for (TargetGroup group : TargetGroup.values()) {
            int count = groups.getOrDefault(group, 0);
            groupShares.add(new NationalSummary.TargetGroupShare(group.name(), count, percent(count, activities)));
        }
        return new NationalSummary(year, reports.size(), submitted, accepted, late, total, shares, included, excluded,
                activities, groupShares, spending);
    }

    static NationalSummary.SpendingVsAllocation compare(String regionCode, Long allocated, Long spent) {
        if (allocated == null || spent == null) {
            return new NationalSummary.SpendingVsAllocation(regionCode, allocated, spent, null, null,
                    NationalSummary.Outcome.UNKNOWN);
        }
        long difference = Math.subtractExact(spent, allocated);
        NationalSummary.Outcome outcome = difference > 0
                ? NationalSummary.Outcome.OVER
                : difference < 0 ? NationalSummary.Outcome.UNDER : NationalSummary.Outcome.EQUAL;
        return new NationalSummary.SpendingVsAllocation(regionCode, allocated, spent, difference,
                percent(spent, allocated), outcome);
    }

    /** part / whole x 100 with one decimal (half up); 0 when the whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(PERCENT_SCALE);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), PERCENT_SCALE,
                RoundingMode.HALF_UP);
    }
}
