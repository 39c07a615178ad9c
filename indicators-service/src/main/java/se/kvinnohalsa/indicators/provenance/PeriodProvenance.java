package se.kvinnohalsa.indicators.provenance;

import java.time.Instant;
import java.util.List;

/**
 * Public: one period of an indicator that has values, and where its current values come from. {@code groups}: the
 * groups with registry values; {@code regions}: regions (not SE) with a registry value in group ALL;
 * {@code national}: whether SE itself was loaded; {@code batches}: every import (origin REGISTRY) or region report
 * (origin REGION_REPORT, the id of the report.submitted event) that the current values were loaded by, oldest first,
 * with how many of them each holds. Who loaded them is not public.
 */
public record PeriodProvenance(String period, List<String> groups, int regions, boolean national,
        int observations, Instant lastLoadedAt, List<Batch> batches) {

    public record Batch(String batchId, String origin, String format, Instant loadedAt, int observations) {
    }
}
