package se.kvinnohalsa.indicators.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @Test
    void reportingYearsRunTwelveMonthsFromTheFirstOfAMonth() {
        assertEquals(new Period(LocalDate.of(2023, 8, 1), LocalDate.of(2024, 7, 31)),
                Period.parse("2023-08-01/2024-07-31", PeriodType.REPORTING_YEAR).period());
        // Older periods ran 1 Sep - 31 Aug.
        assertTrue(Period.parse("2022-09-01/2023-08-31", PeriodType.REPORTING_YEAR).ok());
        // A leap day at the end is still twelve months.
        assertTrue(Period.parse("2023-03-01/2024-02-29", PeriodType.REPORTING_YEAR).ok());
        assertFalse(Period.parse("2023-08-02/2024-08-01", PeriodType.REPORTING_YEAR).ok());
        assertFalse(Period.parse("2023-08-01/2024-06-30", PeriodType.REPORTING_YEAR).ok());
        assertFalse(Period.parse("2024-01-01", PeriodType.REPORTING_YEAR).ok());
    }

    @Test
    void calendarYearsAndSnapshots() {
        assertTrue(Period.parse("2024-01-01/2024-12-31", PeriodType.CALENDAR_YEAR).ok());
        assertFalse(Period.parse("2023-08-01/2024-07-31", PeriodType.CALENDAR_YEAR).ok());
        assertEquals("2025-06-30/2025-06-30", Period.parse("2025-06-30", PeriodType.SNAPSHOT).period().toString());
        assertTrue(Period.parse("2025-06-30/2025-06-30", PeriodType.SNAPSHOT).ok());
        assertFalse(Period.parse("2025-06-30/2025-07-01", PeriodType.SNAPSHOT).ok());
    }

    @Test
    void malformedPeriodsSayWhy() {
        assertTrue(Period.parse("2023-13-01/2024-12-31", PeriodType.REPORTING_YEAR).error().contains("2023-13-01"));
        assertTrue(
                Period.parse("2023-02-30/2024-01-29", PeriodType.REPORTING_YEAR).error().contains("not a valid date"));
        assertTrue(
                Period.parse("2024-07-31/2023-08-01", PeriodType.REPORTING_YEAR).error().contains("before it starts"));
        assertTrue(Period.parse("", PeriodType.CALENDAR_YEAR).error().contains("required"));
        assertTrue(Period.parse("2024/2025/2026", PeriodType.CALENDAR_YEAR).error().contains("interval"));
        assertTrue(Period.parse("24-01-01/24-12-31", PeriodType.CALENDAR_YEAR).error().contains("not a valid date"));
        // Only ASCII digits in exactly YYYY-MM-DD, and both ends present.
        assertTrue(Period.parse("\u0662\u0660\u0662\u0664-01-01/2024-12-31", PeriodType.CALENDAR_YEAR).error()
                .contains("not a valid date"));
        assertTrue(Period.parse("2024-1-01/2024-12-31", PeriodType.CALENDAR_YEAR).error().contains("'2024-1-01'"));
        assertTrue(Period.parse("2024-01-01/", PeriodType.CALENDAR_YEAR).error().contains("'' is not a valid date"));
        assertTrue(Period.parse("/2024-12-31", PeriodType.CALENDAR_YEAR).error().contains("'' is not a valid date"));
        assertTrue(Period.parse("2024-01-01T00/2024-12-31", PeriodType.CALENDAR_YEAR).error()
                .contains("not a valid date"));
        assertTrue(Period.parse(" 2024-02-29 ", PeriodType.SNAPSHOT).ok());
        assertFalse(Period.parse("2023-02-29", PeriodType.SNAPSHOT).ok());
    }

    @Test
    void theReportOfYearYCoversTheReportingYearEndingInY() {
        assertEquals("2023-08-01/2024-07-31", Period.reportingYearEndingIn(2024).toString());
    }
}
