package se.kvinnohalsa.reporting.figures;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.report.ReportRequest;
import se.kvinnohalsa.reporting.report.ReportStatus;
import se.kvinnohalsa.reporting.report.SpendingSplit;
import se.kvinnohalsa.reporting.report.TargetGroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresCalculatorTest {

    private static final Instant SUBMITTED = Instant.parse("2025-03-20T10:00:00Z");

    private static ReportRequest content() {
        return new ReportRequest(
                new ReportRequest.Spending(List.of(new ReportRequest.Line("EFTERVARD", 300L),
                        new ReportRequest.Line("LANDSBYGD", 700L)), null, null),
                List.of(new ReportRequest.Activity("a", "d", List.of("EFTERVARD"),
                        List.of(TargetGroup.NEW_MOTHERS, TargetGroup.PARTNERS_FAMILIES, TargetGroup.NEW_MOTHERS)),
                        new ReportRequest.Activity("b", "d", List.of("LANDSBYGD"), List.of(TargetGroup.NEW_MOTHERS)),
                        new ReportRequest.Activity("c", "d", List.of("LANDSBYGD"), null)),
                null,
                new ReportRequest.WorkforcePlan(2025, 2035, List.of("barnmorskor", "läkare"), null),
                new ReportRequest.Postpartum(new BigDecimal("94.3"), null, null));
    }

    @Test
    void aSubmittedReportShowsItsFigures() {
        RegionFigures row = FiguresCalculator.row("23", "Jämtland Härjedalen", new FiguresCalculator.Stored(
                ReportStatus.ACCEPTED, 4, SUBMITTED, false, SUBMITTED.plusSeconds(60), SpendingSplit.FULLY_SPLIT,
                content()));
        assertEquals(4, row.version());
        assertEquals(SpendingSplit.FULLY_SPLIT, row.spendingSplitStatus());
        RegionFigures.Figures figures = row.figures();
        assertEquals(1000, figures.spending().linesSek());
        assertEquals(1000L, figures.spending().totalSpentSek());
        assertEquals(List.of(new RegionFigures.Line("EFTERVARD", 300), new RegionFigures.Line("LANDSBYGD", 700)),
                figures.spending().lines());
        assertEquals(3, figures.activities());
        // An activity naming a group twice counts once for it.
        assertEquals(2, count(figures, "NEW_MOTHERS"));
        assertEquals(1, count(figures, "PARTNERS_FAMILIES"));
        assertEquals(0, count(figures, "STAFF"));
        assertEquals(TargetGroup.values().length, figures.targetGroups().size());
        assertTrue(figures.workforcePlan().exists());
        assertEquals(List.of("barnmorskor", "läkare"), figures.workforcePlan().professions());
        assertEquals(List.of(), figures.workforcePlan().careSettings());
        assertEquals(new BigDecimal("94.3"), figures.postpartumVisitSharePercent());
    }

    @Test
    void draftsAndReturnedReportsShowOnlyHowFarTheyCame() {
        for (ReportStatus status : List.of(ReportStatus.DRAFT, ReportStatus.RETURNED)) {
            RegionFigures row = FiguresCalculator.row("03", "Uppsala", new FiguresCalculator.Stored(status, 7,
                    status == ReportStatus.RETURNED ? SUBMITTED : null, true, null, SpendingSplit.FULLY_SPLIT,
                    content()));
            assertEquals(status, row.status());
            assertNull(row.figures(), status.name());
            assertNull(row.version(), status.name());
            assertNull(row.spendingSplitStatus(), status.name());
            assertTrue(row.late());
        }
        RegionFigures none = FiguresCalculator.row("09", "Gotland", null);
        assertEquals(ReportStatus.NOT_STARTED, none.status());
        assertNull(none.figures());
    }

    @Test
    void aPlanWithoutProfessionsIsNoPlanAndAReasonIsKeptTrimmed() {
        ReportRequest content = new ReportRequest(
                new ReportRequest.Spending(List.of(), "  Funds are part of the clinics' budgets ", 57956217L), null,
                null, new ReportRequest.WorkforcePlan(2025, 2030, List.of(), null), null);
        RegionFigures row = FiguresCalculator.row("06", "Jönköping", new FiguresCalculator.Stored(
                ReportStatus.SUBMITTED, 2, SUBMITTED, false, null, SpendingSplit.NOT_SPLIT, content));
        assertFalse(row.figures().workforcePlan().exists());
        assertEquals("Funds are part of the clinics' budgets", row.figures().spending().notSplitReason());
        assertEquals(0, row.figures().spending().linesSek());
        assertEquals(57956217L, row.figures().spending().totalSpentSek());
        assertEquals(0, row.figures().activities());
        assertNull(row.figures().postpartumVisitSharePercent());
    }

    private static int count(RegionFigures.Figures figures, String group) {
        return figures.targetGroups().stream().filter(g -> g.code().equals(group)).findFirst().orElseThrow()
                .activityCount();
    }
}
