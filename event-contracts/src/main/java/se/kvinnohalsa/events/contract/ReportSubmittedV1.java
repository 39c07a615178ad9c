package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A region submitted its yearly report. {@code totalSpentSek} is null when no spending was reported;
 * {@code postpartumVisitSharePercent} is null when the report gives none.
 */
@EventType(value = "se.kvinnohalsa.report.submitted.v1", topic = Topics.REPORT_EVENTS)
public record ReportSubmittedV1(int year, String regionCode, Instant submittedAt, boolean late,
        Long totalSpentSek, boolean spendingSplit, BigDecimal postpartumVisitSharePercent,
        boolean hasWorkforcePlan) implements DomainEvent {

    @Override
    public String key() {
        return regionCode;
    }

    @Override
    public String subject() {
        return year + "/" + regionCode;
    }
}
