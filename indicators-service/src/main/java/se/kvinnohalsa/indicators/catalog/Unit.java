package se.kvinnohalsa.indicators.catalog;

import java.math.BigDecimal;

/** The unit of an indicator's values, with the range a value must lie in. */
public enum Unit {
    PERCENT(BigDecimal.ZERO, BigDecimal.valueOf(100)), PER_THOUSAND(BigDecimal.ZERO,
            BigDecimal.valueOf(1000)), NUMBER(BigDecimal.ZERO, null);

    private final BigDecimal min;
    private final BigDecimal max;

    Unit(BigDecimal min, BigDecimal max) {
        this.min = min;
        this.max = max;
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    public String range() {
        return max == null
                ? "at least " + min.toPlainString()
                : "between " + min.toPlainString() + " and " + max.toPlainString();
    }
}
