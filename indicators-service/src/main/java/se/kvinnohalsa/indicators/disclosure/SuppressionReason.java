package se.kvinnohalsa.indicators.disclosure;

/** Why a value is withheld from public reads. */
public enum SuppressionReason {
    /** Too few women behind the value (denominator below {@code indicators.suppression.min-denominator}). */
    SMALL_CELL,
    /** Publishable on its own, withheld so that a small cell cannot be worked out from the published figures. */
    COMPLEMENTARY
}
