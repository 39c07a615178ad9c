package se.kvinnohalsa.indicators.read;

import se.kvinnohalsa.indicators.catalog.Target;
import se.kvinnohalsa.indicators.catalog.Unit;
import se.kvinnohalsa.indicators.disclosure.SuppressionReason;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the reads answer (records, not entities). A value withheld from the public is null with {@code suppressed:
 * true} and a {@code suppressionReason}: SMALL_CELL (too few women behind it) or COMPLEMENTARY (withheld so that a
 * small cell cannot be worked out from the published figures); never 0.
 */
public final class Views {

    private Views() {
    }

    /** The value a region gave in its own yearly report, beside the registry's; differs when over the threshold. */
    public record RegionReported(BigDecimal value, BigDecimal difference, boolean differs) {
    }

    public record RegionValueView(String regionCode, String regionName, String period, String group, BigDecimal value,
            boolean suppressed, SuppressionReason suppressionReason, String previousPeriod, BigDecimal previousValue,
            SuppressionReason previousSuppressionReason, BigDecimal change, BigDecimal clinicMin, BigDecimal clinicMax,
            Boolean meetsTarget, RegionReported regionReported) {
    }

    public record NationalView(BigDecimal value, Figures.Origin origin, boolean suppressed,
            SuppressionReason suppressionReason) {
    }

    public record Suppression(String regionCode, SuppressionReason reason) {
    }

    public record MeetingTarget(int count, int of, List<String> regionCodes) {
    }

    public record Ranked(String regionCode, BigDecimal value) {
    }

    /** suppressedRegions: every withheld region; suppressions: the same with the reason of each. */
    public record SummaryView(String indicatorCode, String period, String group, String previousPeriod,
            NationalView national, BigDecimal previousNational, SuppressionReason previousNationalSuppressionReason,
            BigDecimal change, Target target, MeetingTarget regionsMeetingTarget, List<Ranked> lowest,
            List<Ranked> highest, List<String> suppressedRegions, List<Suppression> suppressions) {
    }

    /** A gap with why either side is withheld (the gap is then null). */
    public record GapView(String regionCode, BigDecimal valueA, SuppressionReason suppressionReasonA,
            BigDecimal valueB, SuppressionReason suppressionReasonB, BigDecimal gap, BigDecimal previousGap,
            BigDecimal change) {
    }

    public record GapsView(String indicatorCode, String period, String previousPeriod, String groupA, String groupB,
            GapView national, List<GapView> regions) {
    }

    public record SeriesPoint(String period, String group, BigDecimal value, boolean suppressed,
            SuppressionReason suppressionReason, BigDecimal clinicMin, BigDecimal clinicMax, Boolean meetsTarget,
            RegionReported regionReported) {
    }

    public record LatestView(String code, String name, Unit unit, String period, BigDecimal value, boolean suppressed,
            SuppressionReason suppressionReason, Target target, Boolean meetsTarget) {
    }
}
