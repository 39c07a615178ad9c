package se.kvinnohalsa.reporting.report;

/** NOT_STARTED appears only in overviews: there is no report yet. */
public enum ReportStatus {
    NOT_STARTED, DRAFT, SUBMITTED, ACCEPTED, RETURNED;

    /** The region may replace the content: a draft, or a report returned to it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Counted in the national summary. */
    public boolean submitted() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
