package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.time.LocalDate;
import java.util.List;

/** A region recorded its own split of its money to its units. */
@EventType(value = "se.kvinnohalsa.allocation.decision-recorded.v1", topic = Topics.ALLOCATION_EVENTS)
public record DecisionRecordedV1(int year, String regionCode, String reference, LocalDate decidedOn,
        String decidedBy, long totalSek, List<Line> lines) implements DomainEvent {

    public record Line(String unit, long amountSek) {
    }

    @Override
    public String key() {
        return regionCode;
    }

    @Override
    public String subject() {
        return year + "/" + regionCode;
    }
}
