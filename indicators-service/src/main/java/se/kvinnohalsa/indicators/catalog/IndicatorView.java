package se.kvinnohalsa.indicators.catalog;

import se.kvinnohalsa.indicators.period.PeriodType;

import java.util.List;

/** An indicator definition as the catalog shows it. */
public record IndicatorView(String code, String name, String description, Unit unit, String source,
        PeriodType periodType, Target target, List<String> groups) {

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code, indicator.name, indicator.description, indicator.unit,
                indicator.source, indicator.periodType, indicator.target(), List.copyOf(indicator.groups));
    }
}
