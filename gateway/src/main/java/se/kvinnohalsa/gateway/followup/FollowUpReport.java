package se.kvinnohalsa.gateway.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly follow-up of the agreement, sections 1-7 in the report's order, as assembled from the services' public
 * APIs ({@link FollowUpAssembler}). Money in whole kronor; shares as {@link Percent}. {@code dataAsOf}: the latest
 * time among everything it rests on (never the time it was built, so that unchanged data gives the same document).
 */
public record FollowUpReport(int year, String title, Instant dataAsOf, Agreement agreement, Allocation allocation,
        Spending spending, TargetGroups targetGroups, WorkforcePlans workforcePlans, Indicators indicators,
        Completeness completeness) {

    public record Region(String code, String name) {
    }

    /** Section 1. otherSek: the part of the total not in any pool (2024: SKR's coordination, not a region's). */
    public record Agreement(long totalSek, LocalDate reportingDeadline, List<Pool> pools, long otherSek,
            List<FocusArea> focusAreas, List<String> conditions, List<Source> sources) {
    }

    public record Pool(String code, long amountSek) {
    }

    public record FocusArea(String code, String name) {
    }

    /**
     * Section 2 (appendix 1). poolTotals: the regions' amounts added up per pool, in the agreement's pool order;
     * addsUp: each equals its pool's amount, to the krona.
     */
    public record Allocation(String status, Integer version, Instant publishedAt, List<String> poolCodes,
            List<RegionAllocation> regions, List<Long> poolTotals, long totalSek, boolean addsUp,
            List<Source> sources) {
    }

    public record RegionAllocation(Region region, List<Long> poolsSek, long totalSek) {
    }

    /**
     * Section 3. national: figure 1, amount-weighted over the regions whose spending is fully split ({@code included},
     * {@code coveredSek} in all); excluded: every other region and why. regions: table 5 and appendix 3, each fully
     * split region's own distribution. counts: per focus area, how many of the included regions put more than
     * {@code largeSharePercent} on it and how many nothing.
     */
    public record Spending(List<AreaShare> national, List<Region> included, long coveredSek,
            List<Excluded> excluded, List<RegionSpending> regions, int largeSharePercent, List<AreaCount> counts,
            List<Source> sources) {
    }

    public record AreaShare(String code, String name, long amountSek, Percent sharePercent) {
    }

    /** reason: NOT_SUBMITTED, NOT_SPLIT or PARTLY_SPLIT; statedReason: the region's own words, if any. */
    public record Excluded(Region region, String reason, String statedReason) {
    }

    public record RegionSpending(Region region, long spentSek, List<AreaShare> areas) {
    }

    public record AreaCount(String code, String name, int regionsAboveLargeShare, int regionsWithNothing) {
    }

    /** Section 4 (figure 2): activities per target group over every submitted or accepted report. */
    public record TargetGroups(int activities, int reports, List<GroupShare> groups, List<Source> sources) {
    }

    public record GroupShare(String code, int activityCount, Percent sharePercent) {
    }

    /** Section 5 (appendix 2). hasPlan null: no submitted or accepted report says. */
    public record WorkforcePlans(int withPlan, int of, List<RegionPlan> regions, List<Source> sources) {
    }

    public record RegionPlan(Region region, String reportStatus, Boolean hasPlan, Integer periodFrom,
            Integer periodTo, List<String> professions) {
    }

    /** Section 6: every indicator with values for a period that ends in the agreement year (tables 1-3). */
    public record Indicators(List<IndicatorSection> indicators, List<Source> sources) {
    }

    public record Target(String operator, BigDecimal value) {
    }

    public record IndicatorSection(String code, String name, String unit, String source, Target target,
            String period, String previousPeriod, BigDecimal national, String nationalOrigin,
            BigDecimal previousNational, BigDecimal change, Boolean nationalMeetsTarget, Integer regionsMeetingTarget,
            Integer regionsWithValue,
            List<IndicatorRow> regions, List<GroupGap> gaps, List<Source> sources) {
    }

    /** regionReported: the value the region gave in its own report, beside the registry's. */
    public record IndicatorRow(Region region, BigDecimal value, boolean suppressed, BigDecimal regionReported,
            BigDecimal previousValue, BigDecimal change, BigDecimal clinicMin, BigDecimal clinicMax,
            Boolean meetsTarget) {
    }

    /** Two groups side by side per region and nationally: value(A) - value(B) in percentage points. */
    public record GroupGap(String groupA, String groupB, GapRow national, List<GapRow> regions) {
    }

    public record GapRow(Region region, BigDecimal valueA, BigDecimal valueB, BigDecimal gap, BigDecimal previousGap) {
    }

    /** Section 7: which reports the figures rest on, and what is missing. */
    public record Completeness(LocalDate reportingDeadline, int regions, int received, int accepted,
            int awaitingReview, int returned, int late, List<Region> missing, List<ReportState> reports,
            List<Source> sources) {
    }

    public record ReportState(Region region, String status, Integer version, Instant submittedAt, boolean late,
            Instant reviewedAt) {
    }
}
