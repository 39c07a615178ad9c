package se.kvinnohalsa.reporting.report;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRulesTest {

    private static final List<String> AREAS_2024 = List.of("EFTERVARD", "KOMPETENSFORSORJNING", "LANDSBYGD");

    static ReportRequest complete() {
        return new ReportRequest(
                new ReportRequest.Spending(List.of(new ReportRequest.Line("EFTERVARD", 100L),
                        new ReportRequest.Line("LANDSBYGD", 50L)), null, null),
                List.of(new ReportRequest.Activity("Eftervårdsmottagning", null, List.of("EFTERVARD"),
                        List.of(TargetGroup.NEW_MOTHERS))),
                new ReportRequest.SituationAnalysis("r", "c", "ch", "s"),
                new ReportRequest.WorkforcePlan(2025, 2035, List.of("barnmorskor"), null),
                new ReportRequest.Postpartum(new BigDecimal("94.3"), "fysiska", "psykiska"));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteReportPasses() {
        assertEquals(List.of(), ReportRules.checkSubmission(complete(), AREAS_2024));
        assertTrue(ReportRules.hasWorkforcePlan(complete()));
    }

    @Test
    void submissionListsEveryProblemAtOnce() {
        ReportRequest broken = new ReportRequest(
                new ReportRequest.Spending(List.of(), "  ", null),
                List.of(new ReportRequest.Activity(" ", null, List.of("VARDKEDJA"), List.of()),
                        new ReportRequest.Activity("ok", null, List.of("EFTERVARD", "EFTERVARD"),
                                List.of(TargetGroup.STAFF, TargetGroup.STAFF))),
                new ReportRequest.SituationAnalysis("r", null, "", "s"),
                null,
                new ReportRequest.Postpartum(new BigDecimal("100.5"), "x", null));
        List<String> fields = fields(ReportRules.checkSubmission(broken, AREAS_2024));
        assertEquals(List.of(
                "activities[0].focusAreas[0]", // VARDKEDJA is a 2025 focus area, not 2024's
                "activities[1].focusAreas[1]", // listed twice
                "activities[1].targetGroups[1]", // listed twice
                "postpartum.visitSharePercent", // out of range
                "spending", // no lines and no reason
                "activities[0].title",
                "activities[0].targetGroups",
                "situationAnalysis.contributingFactors",
                "situationAnalysis.challenges",
                "workforcePlan",
                "postpartum.referralPathsMental"), fields);
    }

    @Test
    void draftRulesCatchUnknownAndDuplicateFocusAreasNegativeAmountsAndBackwardPeriods() {
        ReportRequest draft = new ReportRequest(
                new ReportRequest.Spending(
                        List.of(new ReportRequest.Line("EFTERVARD", 1L), new ReportRequest.Line("EFTERVARD", 2L),
                                new ReportRequest.Line("NOPE", -1L)),
                        null, 1L),
                null, null, new ReportRequest.WorkforcePlan(2035, 2025, List.of(), null), null);
        List<FieldError> errors = ReportRules.checkDraft(draft, AREAS_2024);
        assertEquals(
                List.of("spending.lines[1].focusArea", "spending.lines[2].focusArea", "spending.lines[2].amountSek",
                        "spending.totalSek", "workforcePlan.periodTo"),
                fields(errors));
        assertTrue(errors.get(0).message().contains("twice"));
        assertTrue(errors.get(1).message().contains("EFTERVARD"), "names the year's focus areas");
        // An empty draft is a valid draft.
        assertEquals(List.of(), ReportRules.checkDraft(new ReportRequest(null, null, null, null, null), AREAS_2024));
    }

    @Test
    void workforcePlanWithoutProfessionsIsNoPlan() {
        ReportRequest r = complete();
        ReportRequest noProfessions = new ReportRequest(r.spending(), r.activities(), r.situationAnalysis(),
                new ReportRequest.WorkforcePlan(2025, 2035, List.of(), null), r.postpartum());
        assertFalse(ReportRules.hasWorkforcePlan(noProfessions));
        assertEquals(List.of("workforcePlan.professions"),
                fields(ReportRules.checkSubmission(noProfessions, AREAS_2024)));
    }

    @Test
    void theSplitRule() {
        ReportRequest.Line line = new ReportRequest.Line("EFTERVARD", 100L);
        assertEquals(SpendingSplit.FULLY_SPLIT,
                SpendingSplit.of(new ReportRequest.Spending(List.of(line), null, null)));
        assertEquals(SpendingSplit.FULLY_SPLIT, SpendingSplit.of(new ReportRequest.Spending(List.of(line), "", 100L)));
        assertEquals(SpendingSplit.PARTLY_SPLIT,
                SpendingSplit.of(new ReportRequest.Spending(List.of(line), "overlap", null)));
        assertEquals(SpendingSplit.PARTLY_SPLIT,
                SpendingSplit.of(new ReportRequest.Spending(List.of(line), null, 150L)));
        assertEquals(SpendingSplit.NOT_SPLIT, SpendingSplit.of(new ReportRequest.Spending(List.of(), "budget", 150L)));
        assertNull(SpendingSplit.of(new ReportRequest.Spending(null, null, null)));
        assertNull(SpendingSplit.of(null));
    }

    private static ReportRequest spending(List<Long> amounts, Long total) {
        List<ReportRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            lines.add(new ReportRequest.Line(AREAS_2024.get(i % AREAS_2024.size()) + (i < 3 ? "" : "_" + i),
                    amounts.get(i)));
        }
        return new ReportRequest(new ReportRequest.Spending(lines, null, total), null, null, null, null);
    }

    @Test
    void amountsBeyondTheBoundAreNamedAndTheTotalIsComparedWithTheExactSum() {
        List<FieldError> errors = ReportRules.checkDraft(
                spending(List.of(Long.MAX_VALUE, Long.MAX_VALUE, 2L), 0L), AREAS_2024);
        // A long sum of the lines wraps around to 0, which the total 0 would have "covered".
        assertEquals(List.of("spending.lines[0].amountSek", "spending.lines[1].amountSek", "spending.totalSek"),
                fields(errors));
        assertTrue(errors.get(2).message().contains("18446744073709551616 SEK"), errors.get(2).message());
        assertEquals(List.of("spending.totalSek"),
                fields(ReportRules.checkDraft(spending(List.of(1L), Kronor.MAX_SEK + 1), AREAS_2024)));
        assertEquals(List.of(), ReportRules.checkDraft(spending(List.of(Kronor.MAX_SEK, 0L), Kronor.MAX_SEK),
                AREAS_2024));
    }

    @Property(tries = 1000)
    void everyAmountOutOfBoundsIsNamedAndTheTotalRuleIsExact(@ForAll("amounts") List<Long> amounts,
            @ForAll("amount") Long total) {
        List<String> fields = fields(ReportRules.checkDraft(spending(amounts, total), AREAS_2024)).stream()
                .filter(f -> f.startsWith("spending.") && !f.endsWith("focusArea")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            if (!Kronor.withinBounds(amounts.get(i))) {
                expected.add("spending.lines[" + i + "].amountSek");
            }
        }
        BigInteger sum = Kronor.exactSum(amounts);
        if (total != null && (!Kronor.withinBounds(total) || BigInteger.valueOf(total).compareTo(sum) < 0)) {
            expected.add("spending.totalSek");
        }
        assertEquals(expected, fields);
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        return amount().list().ofMaxSize(ReportRequest.MAX_LINES);
    }

    @Provide
    Arbitrary<Long> amount() {
        Arbitrary<Long> edges = Arbitraries.of(0L, 1L, Kronor.MAX_SEK, Kronor.MAX_SEK + 1, Long.MAX_VALUE,
                Long.MIN_VALUE, -1L, Long.MAX_VALUE / 2 + 1);
        return Arbitraries.frequencyOf(Tuple.of(2, edges), Tuple.of(3, Arbitraries.longs().between(0, Kronor.MAX_SEK)));
    }
}
