package se.kvinnohalsa.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A report is late when submitted after the end of the deadline day, in the zone where the deadline is set. */
public final class Lateness {

    private Lateness() {
    }

    /** The first instant that is late: midnight at the start of the day after the deadline. */
    public static Instant lateFrom(LocalDate deadline, ZoneId zone) {
        return deadline.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public static boolean isLate(Instant submittedAt, LocalDate deadline, ZoneId zone) {
        return !submittedAt.isBefore(lateFrom(deadline, zone));
    }
}
