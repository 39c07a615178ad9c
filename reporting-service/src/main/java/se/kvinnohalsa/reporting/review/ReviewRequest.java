package se.kvinnohalsa.reporting.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.reporting.report.ReviewDecision;

/** The board's decision: ACCEPT, or RETURN with a comment (required, at most 2,000 characters). */
public record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = 2000) String comment) {
}
