package se.kvinnohalsa.indicators.observation;

import se.kvinnohalsa.support.problem.FieldError;

import java.util.List;

/** 400: a batch that cannot be read at all (not JSON, not UTF-8, a CSV header without required columns), or a malformed query parameter. */
public class MalformedRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public MalformedRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public MalformedRequestException(String field, String message) {
        this(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
