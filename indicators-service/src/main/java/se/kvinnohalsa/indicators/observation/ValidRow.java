package se.kvinnohalsa.indicators.observation;

import se.kvinnohalsa.indicators.period.Period;

import java.math.BigDecimal;

/** A row that passed every rule, ready to be staged. */
public record ValidRow(long row, String regionCode, Period period, String group, BigDecimal value, Long numerator,
        Long denominator, BigDecimal clinicMin, BigDecimal clinicMax) {
}
