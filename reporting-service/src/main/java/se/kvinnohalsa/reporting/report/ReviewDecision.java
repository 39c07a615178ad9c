package se.kvinnohalsa.reporting.report;

/** The board's decision on a submitted report. */
public enum ReviewDecision {
    ACCEPT, RETURN
}
