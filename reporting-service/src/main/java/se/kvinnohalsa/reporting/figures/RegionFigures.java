package se.kvinnohalsa.reporting.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    // A name of its own: the report's schemas of the same simple name are part of the published v1 document.
    @Schema(name = "ReportFigures")
    public record Figures(Spending spending, int activities, List<TargetGroupCount> targetGroups,
            WorkforcePlan workforcePlan, BigDecimal postpartumVisitSharePercent) {
    }

    /**
     * lines: kronor per focus area as reported (each focus area once, in the report's order); linesSek: their sum;
     * totalSpentSek: what the region says it spent in all (totalSek, else the lines' sum; null if neither).
     */
    @Schema(name = "FiguresSpending")
    public record Spending(List<Line> lines, long linesSek, Long totalSpentSek, String notSplitReason) {
    }

    @Schema(name = "FiguresLine")
    public record Line(String focusArea, long amountSek) {
    }

    /** Activities aimed at the group; an activity for two groups counts for both. */
    @Schema(name = "FiguresTargetGroupCount")
    public record TargetGroupCount(String code, int activityCount) {
    }

    /** exists: the report has a plan with a period and at least one profession. */
    @Schema(name = "FiguresWorkforcePlan")
    public record WorkforcePlan(boolean exists, Integer periodFrom, Integer periodTo, List<String> professions,
            List<String> careSettings) {
    }
}
