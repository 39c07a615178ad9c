package se.kvinnohalsa.indicators.observation;

import se.kvinnohalsa.events.http.FieldError;

import java.util.List;

/** The batch cannot be read at all (not JSON, not UTF-8, a CSV header without required columns): 400. */
public class MalformedBatchException extends RuntimeException {

    private final List<FieldError> errors;

    public MalformedBatchException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public MalformedBatchException(String field, String message) {
        this(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
