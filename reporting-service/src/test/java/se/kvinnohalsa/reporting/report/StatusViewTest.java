package se.kvinnohalsa.reporting.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the public status shows of a report in each state (plain Java). */
class StatusViewTest {

    private static Report report(ReportStatus status, SpendingSplit split) {
        Report report = new Report();
        report.status = status;
        report.spendingSplit = split;
        report.submittedAt = status == ReportStatus.DRAFT ? null : Instant.parse("2025-03-28T09:00:00Z");
        return report;
    }

    @Test
    void draftsAndReturnedReportsShowNoSpendingSplit() {
        for (ReportStatus status : new ReportStatus[]{ReportStatus.DRAFT, ReportStatus.RETURNED}) {
            StatusView view = StatusView.of(2025, "23", report(status, SpendingSplit.FULLY_SPLIT), 100L);
            assertEquals(status, view.status());
            assertNull(view.spendingSplit(), status.name());
            assertNull(view.spendingSplitStatus(), status.name());
            assertEquals(100L, view.allocatedSek());
        }
    }

    @Test
    void submittedAndAcceptedReportsShowTheirSplit() {
        StatusView submitted = StatusView.of(2025, "23", report(ReportStatus.SUBMITTED, SpendingSplit.PARTLY_SPLIT),
                null);
        assertEquals(false, submitted.spendingSplit());
        assertEquals(SpendingSplit.PARTLY_SPLIT, submitted.spendingSplitStatus());
        StatusView accepted = StatusView.of(2025, "23", report(ReportStatus.ACCEPTED, SpendingSplit.FULLY_SPLIT), null);
        assertEquals(true, accepted.spendingSplit());
    }

    @Test
    void noReportIsNotStarted() {
        StatusView none = StatusView.of(2025, "23", null, null);
        assertEquals(ReportStatus.NOT_STARTED, none.status());
        assertNull(none.spendingSplit());
    }
}
