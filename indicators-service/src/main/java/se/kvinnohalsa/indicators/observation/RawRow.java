package se.kvinnohalsa.indicators.observation;

import java.util.List;
import java.util.Map;

/**
 * One item of a batch as sent, before validation: each field's text (null when absent or blank), and problems
 * already found in its shape (a JSON string where a number belongs, a CSV row with too many fields).
 *
 * @param row 1-based position in the batch (CSV: data rows after the header)
 * @param values each column's text at the column's ordinal: one small array per row, not a map
 */
public record RawRow(long row, String[] values, List<RowError> shapeErrors) {

    static final Column[] COLUMNS = Column.values();

    public String get(Column column) {
        return values[column.ordinal()];
    }

    public static RawRow of(long row, Map<Column, String> fields) {
        return of(row, fields, List.of());
    }

    public static RawRow of(long row, Map<Column, String> fields, List<RowError> shapeErrors) {
        String[] values = new String[COLUMNS.length];
        fields.forEach((column, text) -> values[column.ordinal()] = text);
        return new RawRow(row, values, shapeErrors);
    }
}
