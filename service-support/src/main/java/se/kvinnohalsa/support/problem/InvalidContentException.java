package se.kvinnohalsa.support.problem;

import java.util.List;

/** The request is well-formed but breaks a rule: answered 422 with every field error at once. */
public class InvalidContentException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidContentException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidContentException(String field, String message) {
        this(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
