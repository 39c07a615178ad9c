package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.time.LocalDate;
import java.util.List;

/** An agreement year was created or changed: what other services need to know of it. */
@EventType(value = "se.kvinnohalsa.agreement.changed.v1", topic = Topics.ALLOCATION_EVENTS)
public record AgreementChangedV1(int year, String title, long totalSek, LocalDate reportingDeadline,
        List<Pool> pools, List<FocusArea> focusAreas, List<String> conditions)
        implements
            DomainEvent {

    public record Pool(String code, long amountSek) {
    }

    public record FocusArea(String code, String name) {
    }

    @Override
    public String key() {
        return Integer.toString(year);
    }

    @Override
    public String subject() {
        return Integer.toString(year);
    }
}
