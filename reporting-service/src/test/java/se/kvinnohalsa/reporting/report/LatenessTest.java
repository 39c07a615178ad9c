package se.kvinnohalsa.reporting.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatenessTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void lateFromMidnightAfterTheDeadlineDayInStockholm() {
        LocalDate deadline = LocalDate.parse("2025-03-31");
        // Summer time started 2025-03-30: midnight in Stockholm is 22:00 UTC.
        assertEquals(Instant.parse("2025-03-31T22:00:00Z"), Lateness.lateFrom(deadline, STOCKHOLM));
        assertFalse(Lateness.isLate(Instant.parse("2025-03-31T21:59:59.999Z"), deadline, STOCKHOLM));
        assertTrue(Lateness.isLate(Instant.parse("2025-03-31T22:00:00Z"), deadline, STOCKHOLM));
        assertFalse(Lateness.isLate(Instant.parse("2024-11-01T08:00:00Z"), deadline, STOCKHOLM));
    }

    @Test
    void inWinterTheOffsetIsOneHour() {
        LocalDate deadline = LocalDate.parse("2026-01-15");
        assertEquals(Instant.parse("2026-01-15T23:00:00Z"), Lateness.lateFrom(deadline, STOCKHOLM));
        assertFalse(Lateness.isLate(Instant.parse("2026-01-15T22:59:00Z"), deadline, STOCKHOLM));
        assertTrue(Lateness.isLate(Instant.parse("2026-01-16T00:00:00Z"), deadline, STOCKHOLM));
    }
}
