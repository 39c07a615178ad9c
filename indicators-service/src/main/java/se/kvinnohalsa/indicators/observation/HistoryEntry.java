package se.kvinnohalsa.indicators.observation;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of an observation with its provenance; supersededAt is null for the current one. */
public record HistoryEntry(int version, boolean current, String origin, String period, BigDecimal value, Long numerator,
        Long denominator, BigDecimal clinicMin, BigDecimal clinicMax, String batchId, String loadedBy,
        Instant loadedAt, Instant supersededAt, String supersededBy) {
}
