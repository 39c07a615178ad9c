package se.kvinnohalsa.reporting.figures;

import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Public: one region's report as far as the national follow-up may show it. Every region has a row; the status and
 * its times are public for every report, but {@code version}, {@code spendingSplitStatus} and {@code figures} only
 * for a SUBMITTED or ACCEPTED report: a draft's or a returned report's contents are not the region's answer.
 */
public record RegionFigures(String regionCode, String regionName, ReportStatus status, Integer version,
        Instant submittedAt, boolean late, Instant reviewedAt, SpendingSplit spendingSplitStatus, Figures figures) {

    /** What a submitted report says, in numbers: no free text but the region's own reason for not splitting. */
    public record Figures(Spending spending, int activities, List<TargetGroupCount> targetGroups,
            WorkforcePlan workforcePlan, BigDecimal postpartumVisitSharePercent) {
    }

    /**
     * lines: kronor per focus area as reported (each focus area once, in the report's order); linesSek: their sum;
     * totalSpentSek: what the region says it spent in all (totalSek, else the lines' sum; null if neither).
     */
    public record Spending(List<Line> lines, long linesSek, Long totalSpentSek, String notSplitReason) {
    }

    public record Line(String focusArea, long amountSek) {
    }

    /** Activities aimed at the group; an activity for two groups counts for both. */
    public record TargetGroupCount(String code, int activityCount) {
    }

    /** exists: the report has a plan with a period and at least one profession. */
    public record WorkforcePlan(boolean exists, Integer periodFrom, Integer periodTo, List<String> professions,
            List<String> careSettings) {
    }
}
