package se.kvinnohalsa.reporting.summary;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;
import se.kvinnohalsa.reporting.report.TargetGroup;
import se.kvinnohalsa.support.money.Kronor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryCalculatorTest {

    private static final Map<String, String> AREAS = new LinkedHashMap<>(Map.of("A", "Area A"));

    static {
        AREAS.put("B", "Area B");
        AREAS.put("C", "Area C");
    }

    private static SummaryCalculator.RegionReport split(String region, ReportStatus status, boolean late,
            Map<String, Long> lines, Long total, List<List<TargetGroup>> groups) {
        return new SummaryCalculator.RegionReport(region, status, late, SpendingSplit.FULLY_SPLIT, lines, null, total,
                groups);
    }

    @Test
    void sharesAreAmountWeightedOverFullySplitReportsOnly() {
        List<SummaryCalculator.RegionReport> reports = List.of(
                // A large region spending mostly on A and a small one only on B: weighted by kronor, not by region.
                split("01", ReportStatus.ACCEPTED, false, Map.of("A", 900L, "B", 100L), 1000L,
                        List.of(List.of(TargetGroup.PREGNANT), List.of(TargetGroup.PREGNANT, TargetGroup.STAFF))),
                split("03", ReportStatus.SUBMITTED, true, Map.of("B", 100L), 120L, List.of(List.of(TargetGroup.STAFF))),
                new SummaryCalculator.RegionReport("04", ReportStatus.SUBMITTED, false, SpendingSplit.PARTLY_SPLIT,
                        Map.of("C", 5000L), "overlap", 9000L, List.of(List.of(TargetGroup.YOUNG_PEOPLE))),
                new SummaryCalculator.RegionReport("05", ReportStatus.ACCEPTED, false, SpendingSplit.NOT_SPLIT,
                        Map.of(), "budget", null, List.of()),
                // A draft counts for nothing, whatever it says.
                split("06", ReportStatus.DRAFT, false, Map.of("C", 1_000_000L), 1_000_000L,
                        List.of(List.of(TargetGroup.STAFF))),
                SummaryCalculator.RegionReport.notStarted("07"));
        NationalSummary s = SummaryCalculator.summarise(2024, AREAS, reports,
                Map.of("01", 1000L, "03", 100L, "04", 10000L));

        assertEquals(1100L, s.splitTotalSek());
        assertEquals(List.of("A", "B", "C"),
                s.focusAreas().stream().map(NationalSummary.FocusAreaShare::code).toList());
        assertEquals(List.of(900L, 200L, 0L),
                s.focusAreas().stream().map(NationalSummary.FocusAreaShare::amountSek).toList());
        // 900/1100 = 81.818.. -> 81.8; 200/1100 = 18.18.. -> 18.2
        assertEquals(List.of(new BigDecimal("81.8"), new BigDecimal("18.2"), new BigDecimal("0.0")),
                s.focusAreas().stream().map(NationalSummary.FocusAreaShare::sharePercent).toList());
        assertEquals(List.of("01", "03"), s.includedRegions());
        assertEquals(
                List.of("04:PARTLY_SPLIT:overlap", "05:NOT_SPLIT:budget", "06:NOT_SUBMITTED:null",
                        "07:NOT_SUBMITTED:null"),
                s.excludedRegions().stream().map(e -> e.regionCode() + ":" + e.reason() + ":" + e.statedReason())
                        .toList());
        assertEquals(4, s.submitted());
        assertEquals(2, s.accepted());
        assertEquals(1, s.late());
        assertEquals(6, s.regions());

        // Activities of every submitted report: 4; PREGNANT 2 (50.0), STAFF 2 (50.0), YOUNG_PEOPLE 1 (25.0).
        assertEquals(4, s.activities());
        Map<String, NationalSummary.TargetGroupShare> groups = new LinkedHashMap<>();
        s.targetGroups().forEach(g -> groups.put(g.code(), g));
        assertEquals(TargetGroup.values().length, groups.size());
        assertEquals(2, groups.get("PREGNANT").activityCount());
        assertEquals(new BigDecimal("50.0"), groups.get("STAFF").sharePercent());
        assertEquals(new BigDecimal("25.0"), groups.get("YOUNG_PEOPLE").sharePercent());
        assertEquals(new BigDecimal("0.0"), groups.get("BORN_ABROAD").sharePercent());

        Map<String, NationalSummary.SpendingVsAllocation> spending = new LinkedHashMap<>();
        s.spendingVsAllocation().forEach(v -> spending.put(v.regionCode(), v));
        assertEquals(List.of("01", "03", "04", "05"), List.copyOf(spending.keySet()));
        assertEquals(NationalSummary.Outcome.EQUAL, spending.get("01").outcome());
        assertEquals(NationalSummary.Outcome.OVER, spending.get("03").outcome());
        assertEquals(20L, spending.get("03").differenceSek());
        assertEquals(new BigDecimal("120.0"), spending.get("03").spentPercentOfAllocation());
        assertEquals(NationalSummary.Outcome.UNDER, spending.get("04").outcome());
        assertEquals(-1000L, spending.get("04").differenceSek());
        assertEquals(NationalSummary.Outcome.UNKNOWN, spending.get("05").outcome());
    }

    @Test
    void nothingSubmittedGivesZeroSharesNotADivisionByZero() {
        NationalSummary s = SummaryCalculator.summarise(2025, AREAS,
                List.of(SummaryCalculator.RegionReport.notStarted("01")), Map.of());
        assertEquals(0, s.submitted());
        assertEquals(0L, s.splitTotalSek());
        assertEquals(new BigDecimal("0.0"), s.focusAreas().get(0).sharePercent());
        assertEquals(new BigDecimal("0.0"), s.targetGroups().get(0).sharePercent());
    }

    @Property(tries = 300)
    void nationalSumsAreExactOverEveryRegionAtTheBound(@ForAll("regions") List<Map<String, Long>> regions) {
        List<SummaryCalculator.RegionReport> reports = new ArrayList<>();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < regions.size(); i++) {
            reports.add(split(String.format("%02d", i + 1), ReportStatus.SUBMITTED, false, regions.get(i), null,
                    List.of()));
            expected = expected.add(Kronor.exactSum(regions.get(i).values()));
        }
        NationalSummary summary = SummaryCalculator.summarise(2024, AREAS, reports, Map.of());
        assertEquals(expected, BigInteger.valueOf(summary.splitTotalSek()));
        assertEquals(expected, Kronor.exactSum(
                summary.focusAreas().stream().map(NationalSummary.FocusAreaShare::amountSek).toList()));
    }

    @Test
    void aSumTooLargeForALongFailsInsteadOfWrappingAround() {
        // Only reports stored before amounts were bounded could hold these; the sum must not come out as 0.
        List<SummaryCalculator.RegionReport> reports = List.of(
                split("01", ReportStatus.SUBMITTED, false, Map.of("A", Long.MAX_VALUE), null, List.of()),
                split("03", ReportStatus.SUBMITTED, false, Map.of("A", Long.MAX_VALUE, "B", 2L), null, List.of()));
        assertThrows(ArithmeticException.class, () -> SummaryCalculator.summarise(2024, AREAS, reports, Map.of()));
        assertThrows(ArithmeticException.class,
                () -> SummaryCalculator.compare("01", Long.MIN_VALUE + 1, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<List<Map<String, Long>>> regions() {
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kronor.MAX_SEK)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, Kronor.MAX_SEK)));
        return Arbitraries.maps(Arbitraries.of("A", "B", "C"), amount).ofMinSize(1).ofMaxSize(3).list().ofSize(21);
    }
}
