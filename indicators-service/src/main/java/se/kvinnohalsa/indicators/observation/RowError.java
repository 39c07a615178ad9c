package se.kvinnohalsa.indicators.observation;

/** A problem with one field of one row of a batch; row is 1-based (CSV: data rows after the header). */
public record RowError(long row, String field, String message) {
}
