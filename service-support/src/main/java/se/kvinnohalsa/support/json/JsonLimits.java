package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.math.BigDecimal;

/**
 * How large a request's JSON may be in its parts, checked while it is parsed (so a hostile number or a deep nesting
 * costs microseconds, not a worker): far above anything the API takes, far below what would stall or exhaust a
 * service. Bodies as a whole are limited by each service's {@code quarkus.http.limits.max-body-size}.
 */
public final class JsonLimits {

    /** Characters of one number: money has at most 14 digits, weights 38. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Digits before the decimal point of a decimal number (10^40 and more is no amount, share or weight). */
    public static final int MAX_INTEGER_DIGITS = 40;
    /** Digits after the decimal point of a decimal number. */
    public static final int MAX_FRACTION_DIGITS = 40;
    /** Characters of one string: the longest text field takes 10,000. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Characters of one field name. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /** Arrays and objects inside each other: the deepest request nests five. */
    public static final int MAX_NESTING_DEPTH = 32;

    private JsonLimits() {
    }

    /**
     * Whether a decimal is of a sane magnitude: at most {@link #MAX_INTEGER_DIGITS} digits before and
     * {@link #MAX_FRACTION_DIGITS} after the point. Checked before anything expands it (toPlainString of 1e999999999
     * builds a billion characters).
     */
    public static boolean saneMagnitude(BigDecimal value) {
        if (value.signum() == 0) {
            // 0E+999999999 is zero, but no client means that: the exponent is checked all the same.
            return Math.abs((long) value.scale()) <= Math.max(MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
        }
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= MAX_INTEGER_DIGITS && value.scale() <= MAX_FRACTION_DIGITS;
    }

    /** A refusal of the parser's limits, as a client reads it: the limit, without where it is configured. */
    public static String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int source = message.indexOf(", from `");
        return source > 0 ? message.substring(0, source) + ")" : message;
    }

    /** What {@link #saneMagnitude} requires, as a client reads it. */
    public static String magnitudeRule() {
        return "out of range: at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_FRACTION_DIGITS
                + " after the decimal point";
    }
}
