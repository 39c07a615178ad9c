package se.kvinnohalsa.allocation.decision;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionRulesTest {

    private static DecisionRequest jamtland(long omradeKvinna, long primarvard) {
        return new DecisionRequest("RS/25/2025", LocalDate.parse("2025-05-28"), "Regiondirektör", List.of(
                new DecisionRequest.Line("Område Kvinna", omradeKvinna),
                new DecisionRequest.Line("Mödrahälsovård/primärvård", primarvard)));
    }

    @Test
    void linesAddingUpToThePublishedTotalPass() {
        assertTrue(DecisionRules.check(jamtland(16_701_014, 8_145_464), 17_343_191 + 7_503_287).isEmpty());
    }

    @Test
    void oneKronaOffIsNamedWithTheDifference() {
        List<FieldError> errors = DecisionRules.check(jamtland(16_701_015, 8_145_464), 24_846_478);
        assertEquals(1, errors.size());
        assertEquals("lines", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("difference +1 SEK"), errors.get(0).message());
        assertTrue(DecisionRules.check(jamtland(16_701_013, 8_145_464), 24_846_478).get(0).message()
                .contains("difference -1 SEK"));
    }

    @Test
    void aUnitNamedTwiceIsAnError() {
        DecisionRequest request = new DecisionRequest("R", LocalDate.parse("2025-05-28"), "X", List.of(
                new DecisionRequest.Line("Område Kvinna", 10L), new DecisionRequest.Line(" område kvinna ", 5L)));
        List<FieldError> errors = DecisionRules.check(request, 15);
        assertEquals(List.of("lines[1].unit"), errors.stream().map(FieldError::field).toList());
    }

    private static DecisionRequest lines(List<Long> amounts) {
        List<DecisionRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            lines.add(new DecisionRequest.Line("Enhet " + i, amounts.get(i)));
        }
        return new DecisionRequest("RS/25/2025", LocalDate.parse("2025-05-28"), "Regiondirektör", lines);
    }

    @Test
    void linesThatWouldWrapAroundToTheTotalAreRejected() {
        // Issue 12: accepted before, as a long sum of these wraps around to exactly 24,846,478.
        List<FieldError> errors = DecisionRules.check(lines(List.of(Long.MAX_VALUE, Long.MAX_VALUE, 24_846_480L)),
                24_846_478);
        assertEquals(List.of("lines[0].amountSek", "lines[1].amountSek", "lines[2].amountSek", "lines"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(3).message().contains("add up to 18446744073734398094 SEK"), errors.get(3).message());
    }

    @Property(tries = 1000)
    void accepted_exactlyWhenTheExactSumIsTheTotalAndNoLineExceedsIt(@ForAll("amounts") List<Long> amounts,
            @ForAll @LongRange(min = 0, max = Kronor.MAX_SEK) long total) {
        BigInteger exact = Kronor.exactSum(amounts);
        boolean eachWithin = amounts.stream().allMatch(a -> a >= 0 && a <= total);
        List<FieldError> errors = DecisionRules.check(lines(amounts), total);
        assertEquals(exact.equals(BigInteger.valueOf(total)) && eachWithin, errors.isEmpty(), errors.toString());
        if (errors.isEmpty()) {
            assertEquals(total, Kronor.sum(amounts));
        }
    }

    @Property(tries = 500)
    void anySplitOfTheTotalIsAccepted(@ForAll @LongRange(min = 0, max = Kronor.MAX_SEK) long total,
            @ForAll @LongRange(min = 0, max = Kronor.MAX_SEK) long cut) {
        long first = Math.min(total, cut);
        assertTrue(DecisionRules.check(lines(List.of(first, total - first)), total).isEmpty());
        assertEquals(List.of("lines"), DecisionRules.check(lines(List.of(first, total - first, 1L)), total).stream()
                .map(FieldError::field).filter("lines"::equals).toList());
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        // At the edges most of the time: 0, the bound, the edges of a long (where sums wrap), and the
        // complements that make a wrapped sum land on a small total.
        Arbitrary<Long> edges = Arbitraries.of(0L, 1L, Kronor.MAX_SEK, Kronor.MAX_SEK + 1, Long.MAX_VALUE,
                Long.MAX_VALUE - 1, Long.MIN_VALUE + 2, Long.MAX_VALUE / 2 + 1);
        return Arbitraries.frequencyOf(Tuple.of(2, edges), Tuple.of(1, Arbitraries.longs().between(0, Kronor.MAX_SEK)))
                .list().ofMinSize(1).ofMaxSize(5);
    }
}
