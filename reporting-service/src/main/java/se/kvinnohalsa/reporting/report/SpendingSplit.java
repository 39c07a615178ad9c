package se.kvinnohalsa.reporting.report;

import se.kvinnohalsa.support.money.Kronor;

import java.math.BigInteger;

/**
 * How far a report splits its spending per focus area. The rule: FULLY_SPLIT when it has spending lines and no
 * notSplitReason (and a stated totalSek, if any, equals the lines' sum); PARTLY_SPLIT when it has lines and also a
 * reason (or a total the lines do not reach: Stockholm 2024); NOT_SPLIT when it has no lines. Only FULLY_SPLIT
 * reports count in the national shares per focus area.
 */
public enum SpendingSplit {
    FULLY_SPLIT, PARTLY_SPLIT, NOT_SPLIT;

    /** null when the report says nothing about spending yet. */
    public static SpendingSplit of(ReportRequest.Spending spending) {
        if (spending == null) {
            return null;
        }
        boolean lines = spending.lines() != null && !spending.lines().isEmpty();
        boolean reason = spending.notSplitReason() != null && !spending.notSplitReason().isBlank();
        if (!lines) {
            return reason || spending.totalSek() != null ? NOT_SPLIT : null;
        }
        boolean totalNotCovered = spending.totalSek() != null
                && BigInteger.valueOf(spending.totalSek()).compareTo(
                        Kronor.exactSum(spending.lines().stream().map(ReportRequest.Line::amountSek).toList())) > 0;
        return reason || totalNotCovered ? PARTLY_SPLIT : FULLY_SPLIT;
    }
}
