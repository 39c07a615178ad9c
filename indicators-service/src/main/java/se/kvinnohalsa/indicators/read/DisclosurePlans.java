package se.kvinnohalsa.indicators.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.jboss.logging.Logger;
import se.kvinnohalsa.indicators.IndicatorsConfig;
import se.kvinnohalsa.indicators.catalog.CatalogRules;
import se.kvinnohalsa.indicators.catalog.Indicator;
import se.kvinnohalsa.indicators.disclosure.PeriodTables;
import se.kvinnohalsa.indicators.disclosure.SecondarySuppression;
import se.kvinnohalsa.indicators.disclosure.SuppressionPlan;
import se.kvinnohalsa.indicators.disclosure.SuppressionRules;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.region.Regions;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which values of a period public reads withhold: the small cells and the complementary cells that protect them
 * ({@link SecondarySuppression}), over every group of the period at once, because groups are related to ALL. One plan
 * per indicator and period, kept while the read model's version stays the same; a period without a small cell needs
 * none.
 */
@ApplicationScoped
public class DisclosurePlans {

    private static final Logger LOG = Logger.getLogger(DisclosurePlans.class);

    @Inject
    EntityManager entityManager;

    @Inject
    IndicatorsConfig config;

    @Inject
    ReadModelVersion version;

    private record Cache(long version, Map<String, SuppressionPlan> plans, Map<String, Set<LocalDate>> smallCells) {
    }

    private volatile Cache cache = new Cache(-1, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    private volatile SecondarySuppression method;

    /** What the public may see of the period. */
    public SuppressionPlan plan(Indicator indicator, Period period) {
        Cache current = current();
        Set<LocalDate> withSmallCells = current.smallCells().get(indicator.code);
        if (withSmallCells == null) {
            withSmallCells = periodsWithSmallCells(indicator.code);
            current.smallCells().put(indicator.code, withSmallCells);
        }
        if (!withSmallCells.contains(period.start())) {
            return SuppressionPlan.NONE;
        }
        String key = indicator.code + "|" + period.start();
        SuppressionPlan plan = current.plans().get(key);
        if (plan == null) {
            plan = compute(indicator, period);
            if (current.plans().size() >= config.read().cacheEntries()) {
                current.plans().clear(); // bounded like the views; rebuilt on demand
            }
            current.plans().put(key, plan);
        }
        return plan;
    }

    private Cache current() {
        long now = version.current();
        Cache current = cache;
        if (current.version() != now) {
            current = new Cache(now, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            cache = current;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private Set<LocalDate> periodsWithSmallCells(String code) {
        List<Object> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT period_start FROM observation
                WHERE indicator_code = :code AND origin = 'REGISTRY' AND denominator < :min""")
                .setParameter("code", code).setParameter("min", config.suppression().minDenominator())
                .getResultList();
        return rows.stream().map(DisclosurePlans::date).collect(Collectors.toUnmodifiableSet());
    }

    private SuppressionPlan compute(Indicator indicator, Period period) {
        long start = System.nanoTime();
        SuppressionPlan plan = method().plan(tables(indicator, period));
        LOG.debugf("suppression of %s %s: %d small cells, %d complementary, %d linear programs in %d ms",
                indicator.code, period, plan.primary(), plan.complementary(), plan.linearPrograms(),
                (System.nanoTime() - start) / 1_000_000);
        return plan;
    }

    private SecondarySuppression method() {
        SecondarySuppression current = method;
        if (current == null) {
            IndicatorsConfig.Suppression suppression = config.suppression();
            List<List<String>> partitions = suppression.groupPartitions().stream()
                    .map(p -> Arrays.stream(p.split("\\+")).map(String::strip).filter(g -> !g.isEmpty()).toList())
                    .filter(p -> p.size() > 1).toList();
            current = new SecondarySuppression(new SuppressionRules(suppression.minDenominator(),
                    suppression.protectionInterval().doubleValue(), CatalogRules.ALL, partitions));
            method = current;
        }
        return current;
    }

    /** Every group's table of the period, with the national value as the reads publish it. */
    @SuppressWarnings("unchecked")
    PeriodTables tables(Indicator indicator, Period period) {
        Query query = entityManager.createNativeQuery("""
                SELECT group_code, region_code, value, denominator FROM observation
                WHERE indicator_code = :code AND origin = 'REGISTRY' AND period_start = :start
                ORDER BY group_code, region_code""");
        query.setParameter("code", indicator.code).setParameter("start", period.start());
        Map<String, List<Object[]>> byGroup = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            byGroup.computeIfAbsent((String) row[0], g -> new ArrayList<>()).add(row);
        }
        List<PeriodTables.Table> tables = new ArrayList<>();
        byGroup.forEach((group, rows) -> {
            List<PeriodTables.Entry> regions = new ArrayList<>();
            BigDecimal se = null;
            Long seDenominator = null;
            for (Object[] row : rows) {
                Long denominator = row[3] == null ? null : ((Number) row[3]).longValue();
                if (Regions.NATIONAL.equals(row[1])) {
                    se = (BigDecimal) row[2];
                    seDenominator = denominator;
                } else {
                    regions.add(new PeriodTables.Entry((String) row[1], (BigDecimal) row[2], denominator));
                }
            }
            tables.add(new PeriodTables.Table(group, regions, national(se, seDenominator, regions)));
        });
        return new PeriodTables(tables, 0, max(indicator));
    }

    /** The national value exactly as the summary computes it, and how it is made of the regions' values. */
    private static PeriodTables.National national(BigDecimal se, Long seDenominator,
            List<PeriodTables.Entry> regions) {
        List<Figures.RegionValue> values = regions.stream()
                .map(e -> new Figures.RegionValue(e.region(), e.value(), e.denominator())).toList();
        Figures.National national = Figures.national(se, values);
        if (national == null) {
            return null;
        }
        boolean weighted = !values.isEmpty() && Figures.weighted(values);
        if (national.origin() == Figures.Origin.REPORTED) {
            return new PeriodTables.National(national.value(),
                    weighted ? PeriodTables.Weighting.DENOMINATORS : PeriodTables.Weighting.UNKNOWN, seDenominator,
                    Math.max(national.value().scale(), Figures.NATIONAL_DECIMALS), true);
        }
        return new PeriodTables.National(national.value(),
                weighted ? PeriodTables.Weighting.DENOMINATORS : PeriodTables.Weighting.EQUAL,
                weighted ? regions.stream().mapToLong(PeriodTables.Entry::denominator).sum() : null,
                Figures.NATIONAL_DECIMALS, false);
    }

    /** The largest value of the indicator's unit (Unit's range); percentages 100, counts unbounded. */
    private static double max(Indicator indicator) {
        return switch (indicator.unit) {
            case PERCENT -> 100;
            case PER_THOUSAND -> 1000;
            case NUMBER -> Double.POSITIVE_INFINITY;
        };
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
