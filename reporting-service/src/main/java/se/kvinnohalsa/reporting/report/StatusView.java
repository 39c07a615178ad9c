package se.kvinnohalsa.reporting.report;

import java.time.Instant;

/**
 * Public: how far a region's report has come (its content is not public). {@code spendingSplit} is null while there
 * is no report or it says nothing about spending yet, and while the report is with the region (a draft, or returned
 * and being completed): only what the region has submitted is shown; {@code allocatedSek} null before the year's
 * allocations are published (reporting learns them from allocation.published events).
 */
public record StatusView(int year, String regionCode, ReportStatus status, Instant submittedAt, boolean late,
        Boolean spendingSplit, SpendingSplit spendingSplitStatus, Instant reviewedAt,
        Long allocatedSek) {

    /** allocatedSek: the region's published allocation as reporting-service knows it; null before publication. */
    public static StatusView of(int year, String regionCode, Report report, Long allocatedSek) {
        if (report == null) {
            return new StatusView(year, regionCode, ReportStatus.NOT_STARTED, null, false, null, null, null,
                    allocatedSek);
        }
        // A draft's (or a returned report's) content is still the region's own work: its existence and status only.
        SpendingSplit split = report.status.submitted() ? report.spendingSplit : null;
        return new StatusView(year, regionCode, report.status, report.submittedAt, report.late,
                split == null ? null : split == SpendingSplit.FULLY_SPLIT, split, report.reviewedAt, allocatedSek);
    }
}
