package se.kvinnohalsa.reporting.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.support.money.Kronor;

import java.math.BigDecimal;
import java.util.List;

/**
 * A region's report for one year as the region sends it (PUT). A draft may be incomplete; completeness is checked
 * on submission (ReportRules). Limits (422 naming the field when exceeded; bodies over 1 MB are 413):
 * <ul>
 *   <li>spending: at most {@value #MAX_LINES} lines, notSplitReason at most {@value #MAX_TEXT} characters; amounts
 *       0 ... 10^13 SEK ({@link Kronor#MAX_SEK})</li>
 *   <li>activities: at most {@value #MAX_ACTIVITIES}; title {@value #MAX_TITLE}, description {@value #MAX_TEXT}
 *       characters; at most {@value #MAX_LINES} focus areas and {@value #MAX_TARGET_GROUPS} target groups each</li>
 *   <li>situation analysis: each part at most {@value #MAX_LONG_TEXT} characters</li>
 *   <li>workforce plan: years 2000-2100, at most {@value #MAX_LIST} professions and care settings of
 *       {@value #MAX_NAME} characters</li>
 *   <li>postpartum: visit share 0-100 with at most one decimal; referral paths {@value #MAX_TEXT} characters</li>
 * </ul>
 */
public record ReportRequest(@Valid Spending spending,
        @Size(max = MAX_ACTIVITIES) List<@NotNull @Valid Activity> activities,
        @Valid SituationAnalysis situationAnalysis,
        @Valid WorkforcePlan workforcePlan,
        @Valid Postpartum postpartum) {

    public static final int MAX_LINES = 30;
    public static final int MAX_ACTIVITIES = 400;
    public static final int MAX_TARGET_GROUPS = 8;
    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 100;
    public static final int MAX_LIST = 30;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_LONG_TEXT = 10000;
    public static final String CODE = "[A-Z][A-Z0-9_]{0,49}";

    /** Spending in whole kronor per focus area, or (also) why it cannot be split. totalSek: total spent, optional. */
    public record Spending(@Size(max = MAX_LINES) List<@NotNull @Valid Line> lines,
            @Size(max = MAX_TEXT) String notSplitReason,
            @PositiveOrZero @Max(Kronor.MAX_SEK) Long totalSek) {

        /** The exact sum of the lines; amounts are bounded, so it fits a long (were it not, it fails, never wraps). */
        public long linesSum() {
            return lines == null ? 0 : Kronor.sum(lines.stream().map(Line::amountSek).toList());
        }

        /** What the region spent in all: totalSek if given, else the lines' sum; null when it gave neither. */
        public Long totalSpentSek() {
            if (totalSek != null) {
                return totalSek;
            }
            return lines == null || lines.isEmpty() ? null : linesSum();
        }
    }

    public record Line(
            @NotBlank @Pattern(regexp = CODE, message = "a focus area code such as EFTERVARD") String focusArea,
            @NotNull @PositiveOrZero @Max(Kronor.MAX_SEK) Long amountSek) {
    }

    public record Activity(@Size(max = MAX_TITLE) String title,
            @Size(max = MAX_TEXT) String description,
            @Size(max = MAX_LINES) List<@NotBlank @Pattern(regexp = CODE, message = "a focus area code such as EFTERVARD") String> focusAreas,
            @Size(max = MAX_TARGET_GROUPS) List<@NotNull TargetGroup> targetGroups) {
    }

    public record SituationAnalysis(@Size(max = MAX_LONG_TEXT) String results,
            @Size(max = MAX_LONG_TEXT) String contributingFactors,
            @Size(max = MAX_LONG_TEXT) String challenges,
            @Size(max = MAX_LONG_TEXT) String supportNeeds) {
    }

    public record WorkforcePlan(@Min(2000) @Max(2100) Integer periodFrom,
            @Min(2000) @Max(2100) Integer periodTo,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = MAX_NAME) String> professions,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = MAX_NAME) String> careSettings) {
    }

    public record Postpartum(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal visitSharePercent,
            @Size(max = MAX_TEXT) String referralPathsPhysical,
            @Size(max = MAX_TEXT) String referralPathsMental) {
    }
}
