package se.kvinnohalsa.indicators.observation;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.catalog.Unit;
import se.kvinnohalsa.indicators.period.PeriodType;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowRulesTest {

    private final RowRules rules = new RowRules(PeriodType.REPORTING_YEAR, Unit.PERCENT, Set.of("ALL", "EDU_HIGHER"),
            Set.of("01", "14", "SE"), Column.Format.CSV);

    private static RawRow row(String region, String period, String group, String value, String numerator,
            String denominator, String clinicMin, String clinicMax) {
        Map<Column, String> fields = new EnumMap<>(Column.class);
        put(fields, Column.REGION_CODE, region);
        put(fields, Column.PERIOD, period);
        put(fields, Column.GROUP, group);
        put(fields, Column.VALUE, value);
        put(fields, Column.NUMERATOR, numerator);
        put(fields, Column.DENOMINATOR, denominator);
        put(fields, Column.CLINIC_MIN, clinicMin);
        put(fields, Column.CLINIC_MAX, clinicMax);
        return RawRow.of(7, fields);
    }

    private static void put(Map<Column, String> fields, Column column, String value) {
        if (value != null) {
            fields.put(column, value);
        }
    }

    private List<String> fieldsOf(RawRow row) {
        RowRules.Checked checked = rules.check(row);
        assertFalse(checked.valid());
        checked.errors().forEach(e -> assertEquals(7, e.row()));
        return checked.errors().stream().map(RowError::field).toList();
    }

    @Test
    void aGoodRowDefaultsToGroupAll() {
        RowRules.Checked checked = rules
                .check(row("14", "2023-08-01/2024-07-31", null, "83.5", null, null, "61", "100"));
        assertTrue(checked.valid());
        assertEquals("ALL", checked.row().group());
        assertEquals(new BigDecimal("83.5"), checked.row().value());
        assertTrue(rules.check(row("SE", "2023-08-01/2024-07-31", "EDU_HIGHER", "90.1", "901", "1000", null, null))
                .valid());
    }

    @Test
    void unknownRegionGroupAndMissingFields() {
        assertEquals(List.of("region_code"),
                fieldsOf(row("99", "2023-08-01/2024-07-31", null, "80", null, null, null, null)));
        assertEquals(List.of("group"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", "NOPE", "80", null, null, null, null)));
        assertEquals(List.of("region_code", "period", "value"),
                fieldsOf(row(null, null, null, null, null, null, null, null)));
    }

    @Test
    void valuesOutOfRangeOrNotNumbers() {
        assertEquals(List.of("value"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "100.1", null, null, null, null)));
        assertEquals(List.of("value"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "-1", null, null, null, null)));
        assertEquals(List.of("value"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "86,2", null, null, null, null)));
        assertEquals(List.of("value"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "86.2345", null, null, null, null)));
        assertEquals(List.of("denominator"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", "1", "2.5", null, null)));
        assertEquals(List.of("denominator"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", null, "0", null, null)));
    }

    @Test
    void numeratorAboveDenominatorAndClinicRangeAroundTheValue() {
        assertEquals(List.of("numerator"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", "11", "10", null, null)));
        assertEquals(List.of("clinic_min"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", null, null, "81", "100")));
        assertEquals(List.of("clinic_max"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", null, null, "50", "79")));
        assertEquals(List.of("clinic_min"),
                fieldsOf(row("01", "2023-08-01/2024-07-31", null, "80", null, null, "90", "60")));
    }

    @Test
    void malformedPeriodsNameTheField() {
        assertEquals(List.of("period"),
                fieldsOf(row("01", "2023-13-01/2024-12-31", null, "80", null, null, null, null)));
        assertEquals(List.of("period"),
                fieldsOf(row("01", "2024-07-31/2023-08-01", null, "80", null, null, null, null)));
        assertEquals(List.of("period"),
                fieldsOf(row("01", "2024-01-01/2024-11-30", null, "80", null, null, null, null)));
    }

    @Test
    void jsonNamesInJsonBatches() {
        RowRules json = new RowRules(PeriodType.REPORTING_YEAR, Unit.PERCENT, Set.of("ALL"), Set.of("01"),
                Column.Format.JSON);
        RowRules.Checked checked = json.check(row("01", "2023-08-01/2024-07-31", null, "80", null, null, "85", null));
        assertEquals("clinicMin", checked.errors().get(0).field());
    }

    @Test
    void hugeExponentsAndThousandsOfDigitsAreRowErrorsNotWork() {
        assertEquals(List.of("value"), fieldsOf(row("01", "2023-08-01/2024-07-31", null, "1e999999999", null, null,
                null, null)));
        assertTrue(rules.check(row("01", "2023-08-01/2024-07-31", null, "1e-999999999", null, null, null, null))
                .errors().get(0).message().contains("out of range"));
        RowRules.Checked digits = rules.check(row("01", "2023-08-01/2024-07-31", null, "9".repeat(10_000), null,
                "1".repeat(10_000), null, null));
        assertEquals(List.of("value", "denominator"), digits.errors().stream().map(RowError::field).toList());
        assertTrue(digits.errors().get(0).message().length() < 200, "the value is not quoted back whole");
        assertEquals(List.of("region_code"), fieldsOf(row("0".repeat(1_000_000), "2023-08-01/2024-07-31", null,
                "90", null, null, null, null)));
    }

    @Test
    void jsonNumbersOfInsaneMagnitudeAreRowErrorsBeforeTheyAreWrittenOut() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = se.kvinnohalsa.support.json.StrictJson
                .apply(new com.fasterxml.jackson.databind.ObjectMapper())
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        RawRow raw = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> JsonRows.toRow(1, mapper.readTree(
                        "{\"regionCode\": \"01\", \"period\": \"2023-08-01/2024-07-31\", \"value\": 1e999999999}")));
        assertEquals(List.of("value"), raw.shapeErrors().stream().map(RowError::field).toList());
        assertTrue(raw.shapeErrors().get(0).message().startsWith("out of range"));
    }
}
