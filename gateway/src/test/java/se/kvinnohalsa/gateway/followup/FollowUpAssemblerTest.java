package se.kvinnohalsa.gateway.followup;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follow-up from the small year of {@link FollowUpFixtures}: every section's figures, worked out by hand. */
class FollowUpAssemblerTest {

    private final FollowUpReport report = FollowUpFixtures.report();

    @Test
    void theAgreementWithWhatIsNotInAnyPool() {
        FollowUpReport.Agreement agreement = report.agreement();
        assertEquals(1000, agreement.totalSek());
        assertEquals(100, agreement.otherSek(), "1000 - 700 - 200");
        assertEquals(List.of("EFTERVARD", "KOMPETENSFORSORJNING", "LANDSBYGD"),
                agreement.focusAreas().stream().map(FollowUpReport.FocusArea::code).toList());
        assertEquals("2025-03-31", agreement.reportingDeadline().toString());
        assertEquals(List.of("En kompetensförsörjningsplan"), agreement.conditions());
    }

    @Test
    void theAllocationInRegionOrderAddingUpPerPool() {
        FollowUpReport.Allocation allocation = report.allocation();
        assertEquals(List.of("01", "03", "06", "23"),
                allocation.regions().stream().map(r -> r.region().code()).toList());
        assertEquals(List.of(50L, 100L), allocation.regions().get(3).poolsSek());
        assertEquals("Jämtland Härjedalen", allocation.regions().get(3).region().name());
        assertEquals(List.of(700L, 200L), allocation.poolTotals());
        assertEquals(900, allocation.totalSek());
        assertTrue(allocation.addsUp());
        assertEquals(2, allocation.version());
        assertEquals(new Source("ALLOCATION", "2024", 2, Instant.parse("2025-01-10T09:00:00Z"),
                "allocation-service /api/v1/agreements/2024/allocations/versions/2"), allocation.sources().get(0));
    }

    @Test
    void anAllocationThatDoesNotAddUpIsFlagged() {
        Sources sources = FollowUpFixtures.sources();
        Sources wrong = new Sources(sources.year(), sources.regions(), sources.agreement(),
                FollowUpFixtures.json(FollowUpFixtures.ALLOCATION.replace("\"amountSek\": 50}", "\"amountSek\": 51}")),
                sources.figures(), sources.summary(), sources.indicators());
        assertFalse(new FollowUpAssembler(25).assemble(wrong).allocation().addsUp());
    }

    @Test
    void theNationalDistributionIsAmountWeightedOverTheSplitRegions() {
        FollowUpReport.Spending spending = report.spending();
        assertEquals(330, spending.coveredSek());
        assertEquals(List.of("03", "23"), spending.included().stream().map(FollowUpReport.Region::code).toList());
        // 60 / 330, 210 / 330, 60 / 330: rounded only when shown.
        assertEquals(List.of(new BigDecimal("18.2"), new BigDecimal("63.6"), new BigDecimal("18.2")),
                spending.national().stream().map(a -> a.sharePercent().shown()).toList());
        assertEquals(new BigDecimal("63.6363636364"), spending.national().get(1).sharePercent().exact());
        assertEquals(List.of("PARTLY_SPLIT", "NOT_SUBMITTED"),
                spending.excluded().stream().map(FollowUpReport.Excluded::reason).toList());
        assertEquals("Activities touch several areas", spending.excluded().get(0).statedReason());
    }

    @Test
    void eachSplitRegionsOwnDistributionAndTheCountsPerFocusArea() {
        FollowUpReport.RegionSpending uppsala = report.spending().regions().get(0);
        assertEquals("03", uppsala.region().code());
        assertEquals(180, uppsala.spentSek());
        assertEquals(List.of(new BigDecimal("33.3"), new BigDecimal("50.0"), new BigDecimal("16.7")),
                uppsala.areas().stream().map(a -> a.sharePercent().shown()).toList());
        FollowUpReport.RegionSpending jamtland = report.spending().regions().get(1);
        assertEquals(0, jamtland.areas().get(0).amountSek(), "nothing on postpartum care");
        assertEquals(new BigDecimal("80.0"), jamtland.areas().get(1).sharePercent().shown());

        List<FollowUpReport.AreaCount> counts = report.spending().counts();
        assertEquals(List.of(1, 2, 0), counts.stream().map(FollowUpReport.AreaCount::regionsAboveLargeShare).toList());
        assertEquals(List.of(1, 0, 0), counts.stream().map(FollowUpReport.AreaCount::regionsWithNothing).toList());
    }

    @Test
    void targetGroupsAndWorkforcePlansFromTheSubmittedReportsOnly() {
        FollowUpReport.TargetGroups groups = report.targetGroups();
        assertEquals(6, groups.activities());
        assertEquals(new BigDecimal("66.7"), groups.groups().get(0).sharePercent().shown());
        assertEquals(new BigDecimal("0.0"), groups.groups().get(2).sharePercent().shown());

        FollowUpReport.WorkforcePlans plans = report.workforcePlans();
        assertEquals(2, plans.withPlan());
        assertEquals(4, plans.of());
        assertNull(plans.regions().get(2).hasPlan(), "06's returned report says nothing");
        assertEquals(List.of("barnmorskor", "läkare"), plans.regions().get(0).professions());
        assertEquals(Boolean.FALSE, plans.regions().get(3).hasPlan());
    }

    @Test
    void theIndicatorWithTheRegionsOwnValuesSuppressionGapsAndItsBatches() {
        FollowUpReport.IndicatorSection postpartum = report.indicators().indicators().get(0);
        assertEquals("2023-08-01/2024-07-31", postpartum.period());
        assertEquals(new BigDecimal("90.1"), postpartum.national());
        assertEquals(Boolean.TRUE, postpartum.nationalMeetsTarget());
        assertEquals(new BigDecimal("2.4"), postpartum.change());
        assertEquals(1, postpartum.regionsMeetingTarget());
        FollowUpReport.IndicatorRow stockholm = postpartum.regions().get(0);
        assertEquals(new BigDecimal("86.2"), stockholm.value());
        assertEquals(new BigDecimal("86.2"), stockholm.regionReported());
        assertEquals(new BigDecimal("52"), stockholm.clinicMin());
        assertEquals(Boolean.FALSE, stockholm.meetsTarget());
        FollowUpReport.IndicatorRow jamtland = postpartum.regions().get(2);
        assertTrue(jamtland.suppressed());
        assertNull(jamtland.value());
        FollowUpReport.GroupGap gap = postpartum.gaps().get(0);
        assertEquals(List.of("01", "03"), gap.regions().stream().map(r -> r.region().code()).toList());
        assertEquals("Riket", gap.national().region().name());
        assertEquals(0, new BigDecimal("10.0").compareTo(gap.national().gap()));
        // The period's two imports and the previous period's one.
        assertEquals(List.of("a", "b", "p"), postpartum.sources().stream().map(Source::reference).toList());
        assertEquals("EFTERVARDSBESOK 2023-08-01/2024-07-31: 4 värden, CSV", postpartum.sources().get(0).detail());
    }

    @Test
    void completenessAndTheReportsEverySectionRestsOn() {
        FollowUpReport.Completeness completeness = report.completeness();
        assertEquals(3, completeness.received());
        assertEquals(2, completeness.accepted());
        assertEquals(1, completeness.awaitingReview());
        assertEquals(1, completeness.returned());
        assertEquals(1, completeness.late());
        assertEquals(List.of("06"), completeness.missing().stream().map(FollowUpReport.Region::code).toList());
        List<Source> reports = report.spending().sources();
        assertEquals(List.of("2024/01", "2024/03", "2024/23"), reports.stream().map(Source::reference).toList());
        assertEquals(List.of(2, 4, 3), reports.stream().map(Source::version).toList());
        // Accepted after it was submitted: the review is the version's time.
        assertEquals(Instant.parse("2025-04-02T08:00:00Z"), reports.get(1).time());
        assertEquals(Instant.parse("2025-04-05T10:00:00Z"), reports.get(2).time());
        assertEquals(reports, report.targetGroups().sources());
        assertEquals(reports, report.completeness().sources());
    }

    @Test
    void dataAsOfIsTheLatestTimeOfWhatItRestsOnNeverTheClock() {
        assertEquals(Instant.parse("2025-05-02T08:15:11Z"), report.dataAsOf());
        assertEquals(report, FollowUpFixtures.report(), "the same answers give the same follow-up");
    }

    @Test
    void aYearWithNothingPublishedOrReportedYet() {
        FollowUpReport empty = new FollowUpAssembler(25).assemble(FollowUpFixtures.empty());
        assertEquals("NOT_PUBLISHED", empty.allocation().status());
        assertFalse(empty.allocation().addsUp());
        assertEquals(0, empty.spending().coveredSek());
        assertNull(empty.spending().national().get(0).sharePercent(), "no share of nothing");
        assertEquals(0, empty.completeness().received());
        assertTrue(empty.indicators().indicators().isEmpty());
        assertNull(empty.dataAsOf());
    }

    @Test
    void thePeriodOfAYearIsTheNewestThatEndsInIt() {
        var periods = FollowUpFixtures.json(FollowUpFixtures.PERIODS);
        assertEquals("2023-08-01/2024-07-31",
                FollowUpAssembler.periodFor(2024, periods).orElseThrow().path("period").asText());
        assertEquals("2024-08-01/2025-07-31",
                FollowUpAssembler.periodFor(2025, periods).orElseThrow().path("period").asText());
        assertTrue(FollowUpAssembler.periodFor(2019, periods).isEmpty());
        var calendar = FollowUpFixtures.json("""
                [{"period": "2024-01-01/2024-12-31"}, {"period": "2024-06-30/2024-06-30"}, {"period": "bad"}]""");
        assertEquals("2024-01-01/2024-12-31",
                FollowUpAssembler.periodFor(2024, calendar).orElseThrow().path("period").asText());
    }
}
