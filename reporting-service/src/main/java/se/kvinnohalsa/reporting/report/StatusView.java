package se.kvinnohalsa.reporting.report;

import java.time.Instant;

/**
 * Public: how far a region's report has come (its content is not public). {@code spendingSplit} is null while there
 * is no report or it says nothing about spending yet.
 */
public record StatusView(int year, String regionCode, ReportStatus status, Instant submittedAt, boolean late,
                         Boolean spendingSplit, SpendingSplit spendingSplitStatus, Instant reviewedAt) {

    public static StatusView of(int year, String regionCode, Report report) {
        if (report == null) {
            return new StatusView(year, regionCode, ReportStatus.NOT_STARTED, null, false, null, null, null);
        }
        return new StatusView(year, regionCode, report.status, report.submittedAt, report.late,
                report.spendingSplit == null ? null : report.spendingSplit == SpendingSplit.FULLY_SPLIT,
                report.spendingSplit, report.reviewedAt);
    }
}
