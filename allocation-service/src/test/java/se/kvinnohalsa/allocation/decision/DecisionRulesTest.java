package se.kvinnohalsa.allocation.decision;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.problem.FieldError;

import java.time.LocalDate;
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
}
