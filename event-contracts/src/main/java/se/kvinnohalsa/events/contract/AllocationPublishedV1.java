package se.kvinnohalsa.events.contract;

import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventType;
import se.kvinnohalsa.events.Topics;

import java.time.Instant;
import java.util.List;

/** A new, immutable version of a year's allocations was published: every region's amounts in whole kronor. */
@EventType(value = "se.kvinnohalsa.allocation.published.v1", topic = Topics.ALLOCATION_EVENTS)
public record AllocationPublishedV1(int year, int version, long totalSek, Instant publishedAt,
        List<RegionAllocation> regions) implements DomainEvent {

    public record RegionAllocation(String regionCode, long totalSek, List<PoolAmount> pools) {
    }

    public record PoolAmount(String code, long amountSek) {
    }

    @Override
    public String key() {
        return Integer.toString(year);
    }

    @Override
    public String subject() {
        return year + "/v" + version;
    }
}
