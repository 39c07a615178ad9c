package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share in percent, kept exact (to {@value #EXACT_SCALE} decimals) from whole-krona amounts or counts and rounded
 * only where it is shown: one decimal in JSON, HTML and PDF; the spreadsheet keeps the exact value with a one-decimal
 * format.
 */
public record Percent(BigDecimal exact) implements Comparable<Percent> {

    static final int EXACT_SCALE = 10;
    static final int SHOWN_SCALE = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** part / whole x 100; null when the whole is zero (no share can be given). */
    public static Percent of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return new Percent(BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), EXACT_SCALE,
                RoundingMode.HALF_EVEN));
    }

    @JsonValue
    public BigDecimal shown() {
        return exact.setScale(SHOWN_SCALE, RoundingMode.HALF_UP);
    }

    public boolean isAbove(int percent) {
        return exact.compareTo(BigDecimal.valueOf(percent)) > 0;
    }

    @Override
    public int compareTo(Percent other) {
        return exact.compareTo(other.exact);
    }
}
