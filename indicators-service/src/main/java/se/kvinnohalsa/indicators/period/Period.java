package se.kvinnohalsa.indicators.period;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An ISO 8601 date interval, both dates included: {@code 2023-08-01/2024-07-31}. */
public record Period(LocalDate start, LocalDate end) implements Comparable<Period> {

    /** The period's canonical text (a snapshot too is written as an interval). */
    @Override
    public String toString() {
        return start + "/" + end;
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    /** The reporting year that ends in the given calendar year: (Y-1)-08-01/Y-07-31. */
    public static Period reportingYearEndingIn(int year) {
        return new Period(LocalDate.of(year - 1, 8, 1), LocalDate.of(year, 7, 31));
    }

    /** Parses a period of the given type; the result holds either the period or why it is not one. */
    public static Result parse(String text, PeriodType type) {
        if (text == null || text.isBlank()) {
            return Result.error("is required, e.g. " + example(type));
        }
        String trimmed = text.strip();
        String[] parts = trimmed.split("/", -1);
        if (parts.length > 2) {
            return Result.error("'" + trimmed + "' is not a date interval YYYY-MM-DD/YYYY-MM-DD");
        }
        if (parts.length == 1 && type != PeriodType.SNAPSHOT) {
            return Result
                    .error("'" + trimmed + "' is not a date interval YYYY-MM-DD/YYYY-MM-DD, e.g. " + example(type));
        }
        Optional<LocalDate> start = date(parts[0]);
        if (start.isEmpty()) {
            return Result.error("'" + parts[0] + "' is not a valid date (YYYY-MM-DD)");
        }
        Optional<LocalDate> end = parts.length == 1 ? start : date(parts[1]);
        if (end.isEmpty()) {
            return Result.error("'" + parts[1] + "' is not a valid date (YYYY-MM-DD)");
        }
        Period period = new Period(start.get(), end.get());
        if (period.end.isBefore(period.start)) {
            return Result.error("ends (" + period.end + ") before it starts (" + period.start + ")");
        }
        return switch (type) {
            case REPORTING_YEAR -> period.start.getDayOfMonth() == 1
                    && period.end.equals(period.start.plusYears(1).minusDays(1))
                            ? Result.ok(period)
                            : Result.error(
                                    period + " is not a reporting year: twelve months from the 1st of a month, e.g. "
                                            + example(type));
            case CALENDAR_YEAR -> period.start.getDayOfYear() == 1
                    && period.end.equals(LocalDate.of(period.start.getYear(), 12, 31))
                            ? Result.ok(period)
                            : Result.error(period + " is not a calendar year, e.g. " + example(type));
            case SNAPSHOT -> period.start.equals(period.end)
                    ? Result.ok(period)
                    : Result.error(period + " is not a snapshot: one date, e.g. " + example(type));
        };
    }

    public static String example(PeriodType type) {
        return switch (type) {
            case REPORTING_YEAR -> "2023-08-01/2024-07-31";
            case CALENDAR_YEAR -> "2024-01-01/2024-12-31";
            case SNAPSHOT -> "2025-06-30";
        };
    }

    private static Optional<LocalDate> date(String text) {
        // Strictly YYYY-MM-DD: LocalDate.parse rejects 2023-13-01 and 2023-02-30.
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A parsed period or the reason it is not one. */
    public record Result(Period period, String error) {
        static Result ok(Period period) {
            return new Result(period, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }

        public boolean ok() {
            return period != null;
        }
    }
}
