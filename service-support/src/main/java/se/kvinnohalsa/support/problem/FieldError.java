package se.kvinnohalsa.support.problem;

/** One problem with one field of a request, e.g. {@code lines[1].amountSek: must be at least 0}. */
public record FieldError(String field, String message) {
}
