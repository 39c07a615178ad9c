package se.kvinnohalsa.allocation.agreement;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.problem.FieldError;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementRulesTest {

    private static AgreementRequest request(long total, List<AgreementRequest.Pool> pools,
            List<AgreementRequest.FocusArea> areas,
            LocalDate deadline) {
        return new AgreementRequest(2024, "2024", total, deadline, pools, areas, List.of());
    }

    @Test
    void the2024AgreementPasses() {
        assertTrue(AgreementRules.check(request(1_535_000_000L,
                List.of(new AgreementRequest.Pool("POPULATION", 1_367_000_000L),
                        new AgreementRequest.Pool("RURAL", 150_000_000L)),
                List.of(new AgreementRequest.FocusArea("EFTERVARD", "Eftervård")), LocalDate.parse("2025-03-31")))
                .isEmpty());
    }

    @Test
    void everyBrokenRuleIsReported() {
        List<FieldError> errors = AgreementRules.check(request(100,
                List.of(new AgreementRequest.Pool("POPULATION", 80L), new AgreementRequest.Pool("POPULATION", 30L)),
                List.of(new AgreementRequest.FocusArea("A", "a"), new AgreementRequest.FocusArea("A", "b")),
                LocalDate.parse("2023-12-31")));
        assertEquals(List.of("pools[1].code", "pools", "focusAreas[1].code", "reportingDeadline"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void poolsThatWouldWrapAroundAreMoreThanTheTotal() {
        List<FieldError> errors = AgreementRules.check(request(1_535_000_000L,
                List.of(new AgreementRequest.Pool("POPULATION", Long.MAX_VALUE),
                        new AgreementRequest.Pool("RURAL", Long.MAX_VALUE),
                        new AgreementRequest.Pool("SKR", 1_535_000_002L)),
                List.of(new AgreementRequest.FocusArea("EFTERVARD", "Eftervård")), LocalDate.parse("2025-03-31")));
        assertEquals(List.of("pools"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("18446744075244551616 SEK"), errors.get(0).message());
    }
}
