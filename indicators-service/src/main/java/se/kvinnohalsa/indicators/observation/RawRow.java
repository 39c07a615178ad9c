package se.kvinnohalsa.indicators.observation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a batch as sent, before validation: each field's text (null when absent or blank), and problems
 * already found in its shape (a JSON string where a number belongs, a CSV row with too many fields).
 *
 * @param row 1-based position in the batch (CSV: data rows after the header)
 */
public record RawRow(long row, Map<Column, String> fields, List<RowError> shapeErrors) {

    public String get(Column column) {
        return fields.get(column);
    }

    public static RawRow of(long row, Map<Column, String> fields) {
        return new RawRow(row, new EnumMap<>(fields), List.of());
    }
}
