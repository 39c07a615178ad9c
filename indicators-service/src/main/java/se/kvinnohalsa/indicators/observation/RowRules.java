package se.kvinnohalsa.indicators.observation;

import se.kvinnohalsa.indicators.catalog.Unit;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.period.PeriodType;
import se.kvinnohalsa.support.json.JsonLimits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules every row of a batch must meet: known region (or SE), a period of the indicator's period type, a known
 * group, a value within the unit's range with at most {@value #MAX_DECIMALS} decimals, whole non-negative numerator
 * and denominator with numerator at most the denominator, and clinicMin at most value at most clinicMax.
 */
public final class RowRules {

    public static final int MAX_DECIMALS = 3;
    public static final String DEFAULT_GROUP = "ALL";
    /**
     * Characters of any one field: codes, periods and numbers are far shorter. A longer one is an error at once,
     * before it is parsed or quoted in a message (a batch has up to a thousand listed errors).
     */
    public static final int MAX_FIELD_LENGTH = 100;

    private final PeriodType periodType;
    private final Unit unit;
    private final Set<String> groups;
    private final Set<String> regionCodes;
    private final Column.Format format;

    public RowRules(PeriodType periodType, Unit unit, Set<String> groups, Set<String> regionCodes,
            Column.Format format) {
        this.periodType = periodType;
        this.unit = unit;
        this.groups = groups;
        this.regionCodes = regionCodes;
        this.format = format;
    }

    /** The valid row, or every error of the row. */
    public Checked check(RawRow raw) {
        List<RowError> errors = new ArrayList<>(raw.shapeErrors());
        long row = raw.row();
        for (Column column : RawRow.COLUMNS) {
            String text = raw.get(column);
            if (text != null && text.length() > MAX_FIELD_LENGTH) {
                errors.add(error(row, column, "is " + text.length() + " characters long; at most "
                        + MAX_FIELD_LENGTH));
            }
        }
        if (errors.size() > raw.shapeErrors().size()) {
            return new Checked(null, errors);
        }

        String region = raw.get(Column.REGION_CODE);
        if (region == null) {
            errors.add(error(row, Column.REGION_CODE, "is required: a two-digit region code such as 01, or SE"));
        } else if (!regionCodes.contains(region)) {
            errors.add(error(row, Column.REGION_CODE,
                    "'" + region + "' is not a region code (01 ... 25, or SE for the whole country)"));
        }

        Period period = null;
        Period.Result parsed = Period.parse(raw.get(Column.PERIOD), periodType);
        if (parsed.ok()) {
            period = parsed.period();
        } else {
            errors.add(error(row, Column.PERIOD, parsed.error()));
        }

        String group = raw.get(Column.GROUP) == null ? DEFAULT_GROUP : raw.get(Column.GROUP);
        if (!groups.contains(group)) {
            errors.add(error(row, Column.GROUP, "'" + group + "' is not a group of this indicator " + groups));
        }

        BigDecimal value = decimal(raw, Column.VALUE, errors);
        if (value == null && raw.get(Column.VALUE) == null) {
            errors.add(error(row, Column.VALUE, "is required"));
        }
        Long numerator = whole(raw, Column.NUMERATOR, errors);
        Long denominator = whole(raw, Column.DENOMINATOR, errors);
        if (denominator != null && denominator == 0) {
            errors.add(error(row, Column.DENOMINATOR, "must be greater than 0"));
        }
        if (numerator != null && denominator != null && numerator > denominator) {
            errors.add(error(row, Column.NUMERATOR, "is " + numerator + ", more than the denominator " + denominator));
        }
        BigDecimal clinicMin = decimal(raw, Column.CLINIC_MIN, errors);
        BigDecimal clinicMax = decimal(raw, Column.CLINIC_MAX, errors);
        if (clinicMin != null && clinicMax != null && clinicMin.compareTo(clinicMax) > 0) {
            errors.add(error(row, Column.CLINIC_MIN, "is " + clinicMin.toPlainString() + ", more than "
                    + Column.CLINIC_MAX.name(format) + " " + clinicMax.toPlainString()));
        } else if (value != null) {
            if (clinicMin != null && clinicMin.compareTo(value) > 0) {
                errors.add(error(row, Column.CLINIC_MIN, "is " + clinicMin.toPlainString()
                        + ", more than the region's value " + value.toPlainString()));
            }
            if (clinicMax != null && clinicMax.compareTo(value) < 0) {
                errors.add(error(row, Column.CLINIC_MAX, "is " + clinicMax.toPlainString()
                        + ", less than the region's value " + value.toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(
                new ValidRow(row, region, period, group, value, numerator, denominator, clinicMin, clinicMax),
                List.of());
    }

    private BigDecimal decimal(RawRow raw, Column column, List<RowError> errors) {
        String text = raw.get(column);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            String hint = text.contains(",") ? " (use a decimal point: 94.3)" : "";
            errors.add(error(raw.row(), column, "'" + text + "' is not a number" + hint));
            return null;
        }
        if (!JsonLimits.saneMagnitude(value)) {
            errors.add(error(raw.row(), column, "'" + text + "' is " + JsonLimits.magnitudeRule()));
            return null;
        }
        // stripTrailingZeros makes a new number: only when the scale says there may be too many decimals.
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(error(raw.row(), column, "'" + text + "' has more than " + MAX_DECIMALS + " decimals"));
            return null;
        }
        if (!unit.contains(value)) {
            errors.add(
                    error(raw.row(), column, text + " is out of range: must be " + unit.range() + " (" + unit + ")"));
            return null;
        }
        return value;
    }

    private Long whole(RawRow raw, Column column, List<RowError> errors) {
        String text = raw.get(column);
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add(error(raw.row(), column, "'" + text + "' is not a whole number"));
            return null;
        }
        if (value < 0) {
            errors.add(error(raw.row(), column, "must be at least 0"));
            return null;
        }
        return value;
    }

    private RowError error(long row, Column column, String message) {
        return new RowError(row, column.name(format), message);
    }

    /** A row's outcome: the valid row, or its errors. */
    public record Checked(ValidRow row, List<RowError> errors) {
        public boolean valid() {
            return row != null;
        }
    }
}
