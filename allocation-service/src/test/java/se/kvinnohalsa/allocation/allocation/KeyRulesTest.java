package se.kvinnohalsa.allocation.allocation;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.problem.FieldError;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRulesTest {

    private static final Set<String> REGIONS = Set.of("01", "23", "25");

    @Test
    void fixedAmountsMustAddUpExactlyNotByWrappingAround() {
        List<FieldError> errors = KeyRules.checkAmounts(List.of(new AmountsRequest.Amount("01", Long.MAX_VALUE),
                new AmountsRequest.Amount("23", Long.MAX_VALUE), new AmountsRequest.Amount("25", 150_000_002L)),
                REGIONS, 150_000_000L);
        assertEquals(List.of("amounts[0].amountSek", "amounts[1].amountSek", "amounts[2].amountSek", "amounts"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(KeyRules.checkAmounts(List.of(new AmountsRequest.Amount("23", 7_503_287L),
                new AmountsRequest.Amount("25", 142_496_713L)), REGIONS, 150_000_000L).isEmpty());
    }
}
