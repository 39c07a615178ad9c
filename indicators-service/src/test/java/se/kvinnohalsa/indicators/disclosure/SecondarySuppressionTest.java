package se.kvinnohalsa.indicators.disclosure;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Entry;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.National;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Table;
import se.kvinnohalsa.indicators.disclosure.PeriodTables.Weighting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suppression method on small tables, each checked by an attacker's audit written apart from the method's. */
class SecondarySuppressionTest {

    private static final double PROTECTION = 5;
    private static final SuppressionRules RULES = new SuppressionRules(10, PROTECTION, "ALL",
            List.of(List.of("BORN_SWEDEN", "BORN_ABROAD")));
    private static final SecondarySuppression METHOD = new SecondarySuppression(RULES);

    private static Entry e(String region, String value, Long denominator) {
        return new Entry(region, new BigDecimal(value), denominator);
    }

    private static National computed(List<Entry> regions) {
        boolean weighted = regions.stream().allMatch(r -> r.denominator() != null);
        BigDecimal sum = BigDecimal.ZERO;
        long weights = 0;
        for (Entry r : regions) {
            long w = weighted ? r.denominator() : 1;
            sum = sum.add(r.value().multiply(BigDecimal.valueOf(w)));
            weights += w;
        }
        return new National(sum.divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP),
                weighted ? Weighting.DENOMINATORS : Weighting.EQUAL, weighted ? weights : null, 1, false);
    }

    private static PeriodTables percent(Table... tables) {
        return new PeriodTables(List.of(tables), 0, 100);
    }

    @Test
    void theIssueTableGetsOneComplementaryRegion() {
        List<Entry> regions = List.of(e("01", "50", null), e("03", "60", null), e("25", "100", 5L));
        National national = computed(regions);
        assertEquals(new BigDecimal("70.0"), national.value());
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", regions, national)));

        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("ALL", "25"));
        assertEquals(SuppressionReason.COMPLEMENTARY, plan.reason("ALL", "01"));
        assertNull(plan.reason("ALL", "03"));
        assertNull(plan.reason("ALL", "SE"), "the national value stays published");
        assertEquals(1, plan.primary());
        assertEquals(1, plan.complementary());

        // Attacker: (x01 + 60 + x25) / 3 = 70 +- 0.05, so x01 + x25 = 150 +- 0.15: 25 lies anywhere in [50, 100].
        AttackerLp attacker = new AttackerLp(0, 100);
        attacker.unknown("01");
        attacker.published("03", 60);
        attacker.unknown("25");
        attacker.relation(Map.of("01", 1.0, "03", 1.0, "25", 1.0), 3 * 69.95, 3 * 70.05);
        AttackerLp.Interval interval = attacker.interval("25");
        assertEquals(49.85, interval.lower(), 1e-6);
        assertTrue(interval.protects(100, PROTECTION, 0, 100));
    }

    @Test
    void withoutTheComplementTheIssueTableIsExposed() {
        AttackerLp attacker = new AttackerLp(0, 100);
        attacker.published("01", 50);
        attacker.published("03", 60);
        attacker.unknown("25");
        attacker.relation(Map.of("01", 1.0, "03", 1.0, "25", 1.0), 3 * 69.95, 3 * 70.05);
        assertFalse(attacker.interval("25").protects(100, PROTECTION, 0, 100));
    }

    @Test
    void aSmallCellAmongLargeWeightedRegionsIsProtectedByTheRoundingAlone() {
        List<Entry> regions = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            regions.add(e("%02d".formatted(r), String.valueOf(85 + r % 10), 2000L + 500 * r));
        }
        regions.add(e("25", "40", 6L));
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", regions, computed(regions))));
        assertEquals(1, plan.primary());
        assertEquals(0, plan.complementary(), plan.toString());
    }

    @Test
    void aGroupCellThatAllAndTheOtherGroupWouldGiveAwayGetsAComplementInItsRow() {
        // Region 09: ALL 56 of 60 women = 50 of 53 born in Sweden + 6 of 7 born abroad (a small cell):
        // 7 x = 60 x 93.3 - 53 x 94.3 +- 120 x 0.05 gives 85.7 +- 0.9.
        List<Entry> all = List.of(e("01", "90.1", 20000L), e("09", "93.3", 60L), e("14", "83.5", 15000L));
        List<Entry> sweden = List.of(e("01", "91.5", 15000L), e("09", "94.3", 53L), e("14", "85.0", 11000L));
        List<Entry> abroad = List.of(e("01", "85.9", 5000L), e("09", "85.7", 7L), e("14", "79.4", 4000L));
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", all, computed(all)),
                new Table("BORN_SWEDEN", sweden, computed(sweden)),
                new Table("BORN_ABROAD", abroad, computed(abroad))));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("BORN_ABROAD", "09"));
        assertEquals(1, plan.complementary(), plan.toString());
        assertEquals(SuppressionReason.COMPLEMENTARY, plan.reason("BORN_SWEDEN", "09"), plan.toString());
    }

    @Test
    void aNationalValueMadeOfASmallCellAloneIsASmallCellItself() {
        List<Entry> only = List.of(e("25", "70", 4L));
        SuppressionPlan plan = METHOD.plan(percent(new Table("EDU_PRIMARY", only, computed(only))));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("EDU_PRIMARY", "25"));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("EDU_PRIMARY", "SE"));
    }

    @Test
    void aReportedNationalValueThatGivesAwayTheOnlyRegionIsWithheld() {
        List<Entry> only = List.of(e("25", "70", 4L));
        National reported = new National(new BigDecimal("70.0"), Weighting.DENOMINATORS, null, 1, true);
        SuppressionPlan plan = METHOD.plan(percent(new Table("EDU_PRIMARY", only, reported)));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("EDU_PRIMARY", "25"));
        assertEquals(SuppressionReason.COMPLEMENTARY, plan.reason("EDU_PRIMARY", "SE"));
    }

    @Test
    void aReportedNationalValueCoveringMoreWomenThanTheRegionsLeavesARestThatProtects() {
        // (100 x 90 + 5 x 25) / 105 = 89.5 would put 25 within 77.4..81.6 (every value rounded to one decimal).
        List<Entry> regions = List.of(e("01", "90.0", 100L), e("25", "80.0", 5L));
        National complete = new National(new BigDecimal("89.5"), Weighting.DENOMINATORS, 105L, 1, true);
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", regions, complete)));
        assertEquals(1, plan.complementary(), plan.toString());
        assertEquals(SuppressionReason.COMPLEMENTARY, plan.reason("ALL", "01"));
        // With 1,000 more women in the registry's national value than in these regions, they hide 25.
        National wider = new National(new BigDecimal("89.5"), Weighting.DENOMINATORS, 1105L, 1, true);
        assertEquals(0, METHOD.plan(percent(new Table("ALL", regions, wider))).complementary());
    }

    @Test
    void aReportedNationalValueWithUnknownWeightsBoundsTheOnlyUnknownRegion() {
        // SE 95 above every published region: 25 must be at least 95 - the rounding. One more region hides it.
        List<Entry> regions = List.of(e("01", "80", null), e("03", "85", null), e("25", "99", 5L));
        National reported = new National(new BigDecimal("95"), Weighting.UNKNOWN, null, 1, true);
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", regions, reported)));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("ALL", "25"));
        assertEquals(1, plan.complementary(), plan.toString());
        assertEquals(SuppressionReason.COMPLEMENTARY, plan.reason("ALL", "01"));
    }

    @Test
    void aGroupWithoutDenominatorsBoundsAnAllCellBetweenItsParts() {
        // 23's ALL is small; born in Sweden 80 and born abroad 84 would put it between 80 and 84.
        List<Entry> all = List.of(e("01", "90", 20000L), e("23", "82", 6L));
        List<Entry> sweden = List.of(e("23", "80", null));
        List<Entry> abroad = List.of(e("23", "84", null));
        SuppressionPlan plan = METHOD.plan(percent(new Table("ALL", all, computed(all)),
                new Table("BORN_SWEDEN", sweden, null), new Table("BORN_ABROAD", abroad, null)));
        assertEquals(SuppressionReason.SMALL_CELL, plan.reason("ALL", "23"));
        assertTrue(plan.suppressed("BORN_SWEDEN", "23") || plan.suppressed("BORN_ABROAD", "23"), plan.toString());
        assertEquals(1, plan.complementary(), plan.toString());
    }

    @Test
    void noSmallCellsNothingWithheld() {
        List<Entry> regions = List.of(e("01", "50", 100L), e("03", "60", null));
        assertEquals(SuppressionPlan.NONE, METHOD.plan(percent(new Table("ALL", regions, computed(regions)))));
    }

    /**
     * Random periods (3 to 21 regions; ALL, born in Sweden and born abroad with a rest of unknown birth country;
     * denominators large, small or missing; SE computed or reported): every small cell stays protected against the
     * independent attacker, and the numbers of complementary cells are printed.
     */
    @Test
    void randomPeriodsAreProtectedAgainstAnIndependentAttacker() {
        Random random = new Random(13);
        int periods = 120;
        int primary = 0;
        int complementary = 0;
        int cells = 0;
        int exposedWithoutComplements = 0;
        for (int p = 0; p < periods; p++) {
            Generated generated = Generated.random(random);
            SuppressionPlan plan = METHOD.plan(generated.tables());
            exposedWithoutComplements += generated.exposedWithSmallCellsAlone(plan);
            primary += plan.primary();
            complementary += plan.complementary();
            cells += generated.truth().size();
            AttackerLp attacker = generated.attacker(plan);
            for (Map.Entry<String, Double> cell : generated.truth().entrySet()) {
                String[] key = cell.getKey().split("\\|");
                if (plan.reason(key[0], key[1]) == SuppressionReason.SMALL_CELL) {
                    AttackerLp.Interval interval = attacker.interval(cell.getKey());
                    assertTrue(interval.protects(cell.getValue(), PROTECTION, 0, 100),
                            "period " + p + " cell " + cell.getKey() + " = " + cell.getValue() + " bounded to "
                                    + interval + " by " + plan);
                }
            }
        }
        System.out.printf("DISCLOSURE random periods: %d periods, %d cells, %d small cells (%d of them exposed with "
                + "small-cell suppression alone), %d complementary (%.2f per small cell)%n", periods, cells, primary,
                exposedWithoutComplements, complementary, (double) complementary / primary);
        assertTrue(exposedWithoutComplements > 10, "the generator makes small cells that need complements");
    }

    /** A generated period with its true values and the numerators behind them. */
    private record Generated(PeriodTables tables, Map<String, Double> truth, Map<String, Long> denominators,
            Map<String, String> nationalKind, List<String> regions, long[] rest) {

        private static final List<String> GROUPS = List.of("ALL", "BORN_SWEDEN", "BORN_ABROAD");

        static Generated random(Random random) {
            int count = 3 + random.nextInt(19);
            List<String> regions = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                regions.add("%02d".formatted(r + 1));
            }
            boolean withDenominators = random.nextInt(5) > 0;
            Map<String, List<Entry>> byGroup = new LinkedHashMap<>();
            GROUPS.forEach(g -> byGroup.put(g, new ArrayList<>()));
            Map<String, Double> truth = new LinkedHashMap<>();
            Map<String, Long> denominators = new HashMap<>();
            long[] totalsNum = new long[3];
            long[] totalsDen = new long[3];
            long[] rest = new long[1];
            for (String region : regions) {
                long sweden = random.nextInt(4) == 0 ? 1 + random.nextInt(12) : 200 + random.nextInt(20000);
                long abroad = random.nextInt(3) == 0 ? 1 + random.nextInt(12) : 50 + random.nextInt(5000);
                long unknown = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
                long[] den = {sweden + abroad + unknown, sweden, abroad};
                long numSweden = Math.round(sweden * (0.6 + 0.4 * random.nextDouble()));
                long numAbroad = Math.round(abroad * (0.5 + 0.5 * random.nextDouble()));
                long numUnknown = Math.round(unknown * random.nextDouble());
                long[] num = {numSweden + numAbroad + numUnknown, numSweden, numAbroad};
                for (int g = 0; g < 3; g++) {
                    BigDecimal value = BigDecimal.valueOf(100.0 * num[g] / den[g]).setScale(1, RoundingMode.HALF_UP);
                    Long shown = withDenominators ? den[g] : null;
                    byGroup.get(GROUPS.get(g)).add(new Entry(region, value, shown));
                    truth.put(GROUPS.get(g) + "|" + region, value.doubleValue());
                    if (shown != null) {
                        denominators.put(GROUPS.get(g) + "|" + region, shown);
                    }
                    totalsNum[g] += num[g];
                    totalsDen[g] += den[g];
                }
                rest[0] += unknown;
            }
            boolean reported = withDenominators && random.nextBoolean();
            List<Table> tables = new ArrayList<>();
            Map<String, String> kind = new HashMap<>();
            for (int g = 0; g < 3; g++) {
                String group = GROUPS.get(g);
                National national;
                if (reported) {
                    BigDecimal value = BigDecimal.valueOf(100.0 * totalsNum[g] / totalsDen[g]).setScale(1,
                            RoundingMode.HALF_UP);
                    national = new National(value, Weighting.DENOMINATORS, totalsDen[g], 1, true);
                    kind.put(group, "REPORTED");
                } else {
                    national = computed(byGroup.get(group));
                    kind.put(group, national.weighting().name());
                }
                truth.put(group + "|SE", national.value().doubleValue());
                if (national.denominator() != null) {
                    denominators.put(group + "|SE", national.denominator());
                }
                tables.add(new Table(group, byGroup.get(group), national));
            }
            return new Generated(new PeriodTables(tables, 0, 100), truth, denominators, kind, regions, rest);
        }

        /** Small cells the attacker bounds too tightly when only the small cells are withheld. */
        int exposedWithSmallCellsAlone(SuppressionPlan plan) {
            Map<String, Map<String, SuppressionReason>> primary = new HashMap<>();
            plan.reasons().forEach((group, rows) -> rows.forEach((row, reason) -> {
                if (reason == SuppressionReason.SMALL_CELL) {
                    primary.computeIfAbsent(group, g -> new HashMap<>()).put(row, reason);
                }
            }));
            AttackerLp attacker = attacker(new SuppressionPlan(primary, 0, 0, 0, 0));
            int exposed = 0;
            for (Map.Entry<String, Double> cell : truth.entrySet()) {
                if (attacker.isUnknown(cell.getKey())
                        && !attacker.interval(cell.getKey()).protects(cell.getValue(), PROTECTION, 0, 100)) {
                    exposed++;
                }
            }
            return exposed;
        }

        /** What an attacker knows once the plan is applied: published values, denominators, the formulas. */
        AttackerLp attacker(SuppressionPlan plan) {
            AttackerLp attacker = new AttackerLp(0, 100);
            truth.forEach((key, value) -> {
                String[] k = key.split("\\|");
                if (plan.suppressed(k[0], k[1])) {
                    attacker.unknown(key);
                } else {
                    attacker.published(key, value);
                }
            });
            for (String group : GROUPS) {
                // National: weighted by denominators (the registry's: with the rest of every region's parts), or the
                // mean; published with one decimal.
                Map<String, Double> coefficients = new HashMap<>();
                double total = 0;
                for (String region : regions) {
                    Long d = denominators.get(group + "|" + region);
                    double w = "EQUAL".equals(nationalKind.get(group)) ? 1 : d;
                    coefficients.put(group + "|" + region, w);
                    total += w;
                }
                double whole = "REPORTED".equals(nationalKind.get(group)) ? denominators.get(group + "|SE") : total;
                coefficients.put(group + "|SE", -whole);
                double rounding = whole * 0.05 + ("REPORTED".equals(nationalKind.get(group)) ? total * 0.05 : 0);
                attacker.relation(coefficients, -(whole - total) * 100 - rounding, rounding);
            }
            // Partitions: ALL = born in Sweden + born abroad + a rest of unknown birth country (0..100 %).
            for (String region : regions) {
                Long all = denominators.get("ALL|" + region);
                if (all == null) {
                    continue;
                }
                long sweden = denominators.get("BORN_SWEDEN|" + region);
                long abroad = denominators.get("BORN_ABROAD|" + region);
                long unknown = all - sweden - abroad;
                double rounding = (all + sweden + abroad) * 0.05;
                attacker.relation(Map.of("BORN_SWEDEN|" + region, (double) sweden, "BORN_ABROAD|" + region,
                        (double) abroad, "ALL|" + region, (double) -all), -unknown * 100 - rounding, rounding);
            }
            return attacker;
        }
    }
}
