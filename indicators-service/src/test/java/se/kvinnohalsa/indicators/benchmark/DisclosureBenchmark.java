package se.kvinnohalsa.indicators.benchmark;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.disclosure.PeriodTables;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Entry;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.National;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Table;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Weighting;
import se.kvinnohalsa.indicators.disclosure.SecondarySuppression;
import se.kvinnohalsa.indicators.disclosure.SuppressionPlan;
import se.kvinnohalsa.indicators.disclosure.SuppressionRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark, not a timing assertion: secondary suppression of whole periods as the service meets them (21 regions;
 * ALL, born in Sweden, born abroad, first and later births, two education groups; denominators like births per region
 * and group, a share of the small groups below the threshold). Prints the cells, small cells and complements per
 * period and the time per period; asserts only that small cells were found.
 */
class DisclosureBenchmark {

    private static final int PERIODS = 200;
    private static final List<String> PARTS = List.of("BORN_SWEDEN", "BORN_ABROAD", "FIRST_BIRTH", "LATER_BIRTH");
    private static final SuppressionRules RULES = new SuppressionRules(10, 5, "ALL",
            List.of(List.of("BORN_SWEDEN", "BORN_ABROAD"), List.of("FIRST_BIRTH", "LATER_BIRTH")));

    static PeriodTables period(Random random) {
        Map<String, List<Entry>> tables = new LinkedHashMap<>();
        for (String group : List.of("ALL", "BORN_SWEDEN", "BORN_ABROAD", "FIRST_BIRTH", "LATER_BIRTH", "EDU_HIGHER",
                "EDU_PRIMARY")) {
            tables.put(group, new ArrayList<>());
        }
        for (int r = 1; r <= 21; r++) {
            String region = "%02d".formatted(r);
            // Births per region: a few large regions, many of 1,000-4,000, one island-sized one.
            long births = r == 9 ? 40 + random.nextInt(60) : 800 + random.nextInt(r % 5 == 0 ? 20000 : 3500);
            long abroad = Math.max(1, Math.round(births * (0.02 + 0.3 * random.nextDouble())));
            long first = Math.round(births * (0.35 + 0.1 * random.nextDouble()));
            long[] den = {births, births - abroad, abroad, first, births - first};
            long numAbroad = Math.round(abroad * (0.7 + 0.3 * random.nextDouble()));
            long numSweden = Math.round((births - abroad) * (0.85 + 0.15 * random.nextDouble()));
            long numFirst = Math.round(first * (numAbroad + numSweden) / (double) births);
            long[] num = {numAbroad + numSweden, numSweden, numAbroad, numFirst, numAbroad + numSweden - numFirst};
            tables.get("ALL").add(entry(region, num[0], den[0]));
            for (int g = 0; g < PARTS.size(); g++) {
                tables.get(PARTS.get(g)).add(entry(region, num[g + 1], den[g + 1]));
            }
            long higher = Math.max(1, Math.round(births * 0.5 * random.nextDouble()));
            long primary = Math.max(1, Math.round(births * 0.1 * random.nextDouble()));
            tables.get("EDU_HIGHER").add(entry(region, Math.round(higher * 0.93), higher));
            tables.get("EDU_PRIMARY").add(entry(region, Math.round(primary * 0.8), primary));
        }
        List<Table> result = new ArrayList<>();
        tables.forEach((group, entries) -> result.add(new Table(group, entries, national(entries))));
        return new PeriodTables(result, 0, 100);
    }

    private static Entry entry(String region, long numerator, long denominator) {
        return new Entry(region, BigDecimal.valueOf(numerator * 100.0 / denominator).setScale(1, RoundingMode.HALF_UP),
                denominator);
    }

    private static National national(List<Entry> entries) {
        BigDecimal sum = BigDecimal.ZERO;
        long total = 0;
        for (Entry e : entries) {
            sum = sum.add(e.value().multiply(BigDecimal.valueOf(e.denominator())));
            total += e.denominator();
        }
        return new National(sum.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP), Weighting.DENOMINATORS,
                total, 1, false);
    }

    @Test
    void suppressionOfWholePeriods() {
        SecondarySuppression method = new SecondarySuppression(RULES);
        Random random = new Random(2024);
        List<PeriodTables> periods = new ArrayList<>();
        for (int p = 0; p < PERIODS; p++) {
            periods.add(period(random));
        }
        for (int warm = 0; warm < 20; warm++) {
            method.plan(periods.get(warm));
        }
        int cells = periods.stream().mapToInt(t -> t.tables().stream().mapToInt(x -> x.regions().size() + 1).sum())
                .sum();
        int primary = 0;
        int complementary = 0;
        long programs = 0;
        long start = System.nanoTime();
        for (PeriodTables period : periods) {
            SuppressionPlan plan = method.plan(period);
            primary += plan.primary();
            complementary += plan.complementary();
            programs += plan.linearPrograms();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("BENCHMARK disclosure: %d periods of %d cells: %d small cells, %d complementary "
                + "(%.2f per small cell, %.2f %% of the cells); %,d linear programs; %.1f ms per period%n", PERIODS,
                cells / PERIODS, primary, complementary, (double) complementary / primary,
                100.0 * complementary / cells, programs, millis / PERIODS);
        assertTrue(primary > 0);
    }
}
