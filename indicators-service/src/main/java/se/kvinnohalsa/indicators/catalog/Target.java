package se.kvinnohalsa.indicators.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A national target: the value must be {@code >=} or {@code <=} the target value. */
public record Target(@Schema(enumeration = {
        ">=", "<="}, example = ">=") String operator,
        @Schema(example = "90") BigDecimal value){

    public static final String AT_LEAST = ">=";
    public static final String AT_MOST = "<=";

    /** Whether the value meets the target; null when there is no value. */
    public Boolean meets(BigDecimal observed) {
        if (observed == null) {
            return null;
        }
        int comparison = observed.compareTo(value);
        return AT_MOST.equals(operator) ? comparison <= 0 : comparison >= 0;
    }

    /** {@code meets} for an indicator that may have no target: null when either is missing. */
    public static Boolean meets(Target target, BigDecimal observed) {
        return target == null ? null : target.meets(observed);
    }
}
