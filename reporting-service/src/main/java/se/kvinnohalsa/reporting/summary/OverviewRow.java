package se.kvinnohalsa.reporting.summary;

import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;

import java.time.Instant;

/** One region in the year's overview (admins, analysts): every region, NOT_STARTED where it has no report. */
public record OverviewRow(String regionCode, String regionName, ReportStatus status, Instant submittedAt, boolean late,
        Boolean spendingSplit, SpendingSplit spendingSplitStatus, Instant reviewedAt, Instant updatedAt,
        Long allocatedSek) {
}
