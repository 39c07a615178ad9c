package se.kvinnohalsa.indicators.read;

import se.kvinnohalsa.indicators.catalog.Target;
import se.kvinnohalsa.indicators.catalog.Unit;

import java.math.BigDecimal;
import java.util.List;

/** What the reads answer (records, not entities). */
public final class Views {

    private Views() {
    }

    /** The value a region gave in its own yearly report, beside the registry's; differs when over the threshold. */
    public record RegionReported(BigDecimal value, BigDecimal difference, boolean differs) {
    }

    public record RegionValueView(String regionCode, String regionName, String period, String group, BigDecimal value,
            boolean suppressed, String previousPeriod, BigDecimal previousValue,
            BigDecimal change, BigDecimal clinicMin, BigDecimal clinicMax, Boolean meetsTarget,
            RegionReported regionReported) {
    }

    public record NationalView(BigDecimal value, Figures.Origin origin) {
    }

    public record MeetingTarget(int count, int of, List<String> regionCodes) {
    }

    public record Ranked(String regionCode, BigDecimal value) {
    }

    public record SummaryView(String indicatorCode, String period, String group, String previousPeriod,
            NationalView national, BigDecimal previousNational, BigDecimal change, Target target,
            MeetingTarget regionsMeetingTarget, List<Ranked> lowest, List<Ranked> highest,
            List<String> suppressedRegions) {
    }

    public record GapsView(String indicatorCode, String period, String previousPeriod, String groupA, String groupB,
            Figures.Gap national, List<Figures.Gap> regions) {
    }

    public record SeriesPoint(String period, String group, BigDecimal value, boolean suppressed, BigDecimal clinicMin,
            BigDecimal clinicMax, Boolean meetsTarget, RegionReported regionReported) {
    }

    public record LatestView(String code, String name, Unit unit, String period, BigDecimal value, boolean suppressed,
            Target target, Boolean meetsTarget) {
    }
}
