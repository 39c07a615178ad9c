package se.kvinnohalsa.indicators.period;

/** How an indicator's periods are cut. */
public enum PeriodType {
    /** Twelve months from the 1st of a month: 2023-08-01/2024-07-31 (older periods ran 1 Sep - 31 Aug). */
    REPORTING_YEAR,
    /** YYYY-01-01/YYYY-12-31. */
    CALENDAR_YEAR,
    /** One date, written YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD with both dates the same. */
    SNAPSHOT
}
