package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.time.Instant;

/** The national board reviewed a submitted report: {@code decision} ACCEPT or RETURN, {@code status} the result. */
@EventType(value = "se.kvinnohalsa.report.reviewed.v1", topic = Topics.REPORT_EVENTS)
public record ReportReviewedV1(int year, String regionCode, String decision, String status, String comment,
        Instant reviewedAt, String reviewedBy, boolean hasWorkforcePlan)
        implements
            DomainEvent {

    @Override
    public String key() {
        return regionCode;
    }

    @Override
    public String subject() {
        return year + "/" + regionCode;
    }
}
