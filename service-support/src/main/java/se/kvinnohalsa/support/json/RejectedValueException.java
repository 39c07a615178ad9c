package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that cannot be taken as sent (a number out of range, text that cannot be stored). */
public class RejectedValueException extends MismatchedInputException {

    private final String reason;

    public RejectedValueException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong with the value, as a client reads it. */
    public String reason() {
        return reason;
    }
}
