package se.kvinnohalsa.indicators.period;

import java.time.DateTimeException;
import java.time.LocalDate;

/** An ISO 8601 date interval, both dates included: {@code 2023-08-01/2024-07-31}. */
public record Period(LocalDate start, LocalDate end) implements Comparable<Period> {

    private static final int DATE_LENGTH = 10;
    private static final int YEAR_DIGITS = 4;

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
        // Parsed in place (no split, no regular expression): an import checks a period on every row.
        int slash = trimmed.indexOf('/');
        if (slash >= 0 && trimmed.indexOf('/', slash + 1) >= 0) {
            return Result.error("'" + trimmed + "' is not a date interval YYYY-MM-DD/YYYY-MM-DD");
        }
        if (slash < 0 && type != PeriodType.SNAPSHOT) {
            return Result
                    .error("'" + trimmed + "' is not a date interval YYYY-MM-DD/YYYY-MM-DD, e.g. " + example(type));
        }
        int startEnd = slash < 0 ? trimmed.length() : slash;
        LocalDate start = date(trimmed, 0, startEnd);
        if (start == null) {
            return Result.error("'" + trimmed.substring(0, startEnd) + "' is not a valid date (YYYY-MM-DD)");
        }
        LocalDate end = slash < 0 ? start : date(trimmed, slash + 1, trimmed.length());
        if (end == null) {
            return Result.error("'" + trimmed.substring(slash + 1) + "' is not a valid date (YYYY-MM-DD)");
        }
        Period period = new Period(start, end);
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

    /**
     * Strictly YYYY-MM-DD between from and to (ASCII digits only), a real date (2023-13-01 and 2023-02-30 are not);
     * null otherwise.
     */
    private static LocalDate date(String text, int from, int to) {
        if (to - from != DATE_LENGTH || text.charAt(from + YEAR_DIGITS) != '-'
                || text.charAt(from + YEAR_DIGITS + 3) != '-') {
            return null;
        }
        int year = digits(text, from, YEAR_DIGITS);
        int month = digits(text, from + YEAR_DIGITS + 1, 2);
        int day = digits(text, from + YEAR_DIGITS + 4, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the count ASCII digits at from make, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
