package se.kvinnohalsa.reporting.report;

import java.time.Instant;

/** One entry of the audit trail. */
public record HistoryView(Instant changedAt, String changedBy, StatusChange.Action action, ReportStatus fromStatus,
        ReportStatus toStatus, String comment) {

    static HistoryView of(StatusChange c) {
        return new HistoryView(c.changedAt, c.changedBy, c.action, c.fromStatus, c.toStatus, c.comment);
    }
}
