package se.kvinnohalsa.reporting.report;

import java.time.Instant;
import java.util.List;

/**
 * A report as its region, admins and analysts read it. {@code late}: the first submission came after the end of the
 * deadline day (Europe/Stockholm); {@code submittedAt} is the latest submission. {@code spendingSplit} is true only
 * when the spending is fully split ({@code spendingSplitStatus} FULLY_SPLIT).
 */
public record ReportView(int year, String regionCode, ReportStatus status, int version,
        Instant firstSubmittedAt, Instant submittedAt, String submittedBy, boolean late,
        boolean spendingSplit, SpendingSplit spendingSplitStatus, Long totalSpentSek,
        ReportRequest.Spending spending, List<ReportRequest.Activity> activities,
        ReportRequest.SituationAnalysis situationAnalysis, ReportRequest.WorkforcePlan workforcePlan,
        ReportRequest.Postpartum postpartum, Review review,
        Instant createdAt, Instant updatedAt, String updatedBy) {

    /** The board's latest review; null before the first. */
    public record Review(String decision, String comment, Instant reviewedAt, String reviewedBy) {
    }
}
