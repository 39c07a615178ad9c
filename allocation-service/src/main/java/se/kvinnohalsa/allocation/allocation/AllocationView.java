package se.kvinnohalsa.allocation.allocation;

import java.time.Instant;
import java.util.List;

/**
 * A year's allocations. status PUBLISHED: exactly what version {@code version} published; DRAFT: the current keys give
 * something not (yet) published; {@code version} is then the latest published version, or null if none.
 */
public record AllocationView(int year, String status, Integer version, Instant publishedAt, long totalSek,
        List<AllocationCalculator.RegionAllocation> regions, List<String> poolsWithoutKey) {
}
