package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.time.Instant;
import java.util.List;

/**
 * An import changed observations of one indicator. Keyed by the indicator code: one import spans many regions,
 * and keying by indicator keeps one indicator's changes in order.
 */
@EventType(value = "se.kvinnohalsa.indicator.observations-changed.v1", topic = Topics.INDICATOR_EVENTS)
public record IndicatorObservationsChangedV1(String indicatorCode, String batchId, List<String> periods,
        List<String> regionCodes, int created, int updated, Instant changedAt)
        implements
            DomainEvent {

    @Override
    public String key() {
        return indicatorCode;
    }

    @Override
    public String subject() {
        return indicatorCode;
    }
}
