package se.kvinnohalsa.reporting.figures;

import se.kvinnohalsa.reporting.report.ReportRequest;
import se.kvinnohalsa.reporting.report.ReportRules;
import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;
import se.kvinnohalsa.reporting.report.TargetGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A region's public row of the follow-up figures from its report: pure, see {@link RegionFigures}. */
public final class FiguresCalculator {

    private FiguresCalculator() {
    }

    /** What the row needs of a stored report; null content for a region without a report. */
    public record Stored(ReportStatus status, int version, Instant submittedAt, boolean late, Instant reviewedAt,
            SpendingSplit split, ReportRequest content) {
    }

    public static RegionFigures row(String regionCode, String regionName, Stored report) {
        if (report == null) {
            return new RegionFigures(regionCode, regionName, ReportStatus.NOT_STARTED, null, null, false, null, null,
                    null);
        }
        if (!report.status().submitted()) {
            // Only how far it has come: a draft's (or returned report's) content is not the region's answer.
            return new RegionFigures(regionCode, regionName, report.status(), null, report.submittedAt(),
                    report.late(), report.reviewedAt(), null, null);
        }
        return new RegionFigures(regionCode, regionName, report.status(), report.version(), report.submittedAt(),
                report.late(), report.reviewedAt(), report.split() == null ? SpendingSplit.NOT_SPLIT : report.split(),
                figures(report.content()));
    }

    static RegionFigures.Figures figures(ReportRequest content) {
        List<ReportRequest.Activity> activities = content.activities() == null ? List.of() : content.activities();
        Map<TargetGroup, Integer> groups = new EnumMap<>(TargetGroup.class);
        for (ReportRequest.Activity activity : activities) {
            if (activity.targetGroups() != null) {
                activity.targetGroups().stream().distinct().forEach(g -> groups.merge(g, 1, Integer::sum));
            }
        }
        List<RegionFigures.TargetGroupCount> counts = new ArrayList<>();
        for (TargetGroup group : TargetGroup.values()) {
            counts.add(new RegionFigures.TargetGroupCount(group.name(), groups.getOrDefault(group, 0)));
        }
        ReportRequest.Postpartum postpartum = content.postpartum();
        return new RegionFigures.Figures(spending(content.spending()), activities.size(), counts,
                workforcePlan(content), postpartum == null ? null : postpartum.visitSharePercent());
    }

    private static RegionFigures.Spending spending(ReportRequest.Spending spending) {
        if (spending == null) {
            return null;
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        if (spending.lines() != null) {
            spending.lines().forEach(l -> lines.merge(l.focusArea(), l.amountSek(), Math::addExact));
        }
        List<RegionFigures.Line> list = new ArrayList<>();
        lines.forEach((code, amount) -> list.add(new RegionFigures.Line(code, amount)));
        long sum = lines.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        String reason = spending.notSplitReason() == null || spending.notSplitReason().isBlank()
                ? null
                : spending.notSplitReason().strip();
        return new RegionFigures.Spending(list, sum, spending.totalSpentSek(), reason);
    }

    private static RegionFigures.WorkforcePlan workforcePlan(ReportRequest content) {
        ReportRequest.WorkforcePlan plan = content.workforcePlan();
        if (plan == null) {
            return new RegionFigures.WorkforcePlan(false, null, null, List.of(), List.of());
        }
        return new RegionFigures.WorkforcePlan(ReportRules.hasWorkforcePlan(content), plan.periodFrom(),
                plan.periodTo(), plan.professions() == null ? List.of() : List.copyOf(plan.professions()),
                plan.careSettings() == null ? List.of() : List.copyOf(plan.careSettings()));
    }
}
