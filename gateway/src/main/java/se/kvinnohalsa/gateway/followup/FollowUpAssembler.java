package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Puts a year's follow-up together from the services' answers ({@link Sources}): pure, no I/O. Only submitted and
 * accepted reports count (reporting-service shows no other report's figures); every share is computed here from
 * whole kronor or counts and kept exact until it is shown.
 */
public final class FollowUpAssembler {

    static final String SUBMITTED = "SUBMITTED";
    static final String ACCEPTED = "ACCEPTED";
    static final String RETURNED = "RETURNED";
    private static final Set<String> COUNTED = Set.of(SUBMITTED, ACCEPTED);

    private final int largeSharePercent;

    /** @param largeSharePercent section 3 counts the regions that put more than this on a focus area */
    public FollowUpAssembler(int largeSharePercent) {
        this.largeSharePercent = largeSharePercent;
    }

    public FollowUpReport assemble(Sources sources) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode region : array(sources.regions())) {
            names.put(region.path("code").asText(), region.path("name").asText());
        }
        Regions regions = new Regions(names);
        JsonNode agreement = sources.agreement();
        List<FollowUpReport.FocusArea> focusAreas = new ArrayList<>();
        for (JsonNode area : array(agreement.path("focusAreas"))) {
            focusAreas.add(new FollowUpReport.FocusArea(area.path("code").asText(), area.path("name").asText()));
        }
        List<Source> reports = reportSources(sources.year(), sources.figures());

        FollowUpReport.Agreement agreementSection = agreement(sources.year(), agreement, focusAreas);
        FollowUpReport.Allocation allocation = allocation(sources.year(), agreementSection, sources.allocation(),
                regions);
        FollowUpReport.Spending spending = spending(focusAreas, sources.summary(), sources.figures(), regions,
                reports);
        FollowUpReport.TargetGroups targetGroups = targetGroups(sources.summary(), reports);
        FollowUpReport.WorkforcePlans plans = workforcePlans(sources.figures(), regions, reports);
        FollowUpReport.Indicators indicators = indicators(sources.indicators(), regions);
        FollowUpReport.Completeness completeness = completeness(agreementSection.reportingDeadline(),
                sources.figures(), regions, reports);

        Instant asOf = Stream.of(agreementSection.sources(), allocation.sources(), reports, indicators.sources())
                .flatMap(List::stream).map(Source::time).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        return new FollowUpReport(sources.year(), agreement.path("title").asText(null), asOf, agreementSection,
                allocation, spending, targetGroups, plans, indicators, completeness);
    }

    // ---- 1. the agreement ----

    private static FollowUpReport.Agreement agreement(int year, JsonNode agreement,
            List<FollowUpReport.FocusArea> focusAreas) {
        List<FollowUpReport.Pool> pools = new ArrayList<>();
        for (JsonNode pool : array(agreement.path("pools"))) {
            pools.add(new FollowUpReport.Pool(pool.path("code").asText(), pool.path("amountSek").asLong()));
        }
        long total = agreement.path("totalSek").asLong();
        long inPools = pools.stream().mapToLong(FollowUpReport.Pool::amountSek).reduce(0L, Math::addExact);
        List<String> conditions = new ArrayList<>();
        array(agreement.path("conditions")).forEach(c -> conditions.add(c.asText()));
        String deadline = agreement.path("reportingDeadline").asText(null);
        return new FollowUpReport.Agreement(total, deadline == null ? null : LocalDate.parse(deadline), pools,
                Math.subtractExact(total, inPools), focusAreas, conditions,
                List.of(new Source("AGREEMENT", Integer.toString(year), null, null,
                        "allocation-service /api/v1/agreements/" + year)));
    }

    // ---- 2. allocation per region and pool ----

    private static FollowUpReport.Allocation allocation(int year, FollowUpReport.Agreement agreement,
            JsonNode allocation, Regions regions) {
        List<String> poolCodes = agreement.pools().stream().map(FollowUpReport.Pool::code).toList();
        if (allocation == null || allocation.isMissingNode()) {
            return new FollowUpReport.Allocation("NOT_PUBLISHED", null, null, poolCodes, List.of(),
                    poolCodes.stream().map(p -> 0L).toList(), 0, false, List.of());
        }
        long[] poolTotals = new long[poolCodes.size()];
        long total = 0;
        List<FollowUpReport.RegionAllocation> rows = new ArrayList<>();
        for (JsonNode region : array(allocation.path("regions"))) {
            List<Long> amounts = new ArrayList<>();
            for (int i = 0; i < poolCodes.size(); i++) {
                long amount = amount(region.path("pools"), poolCodes.get(i));
                amounts.add(amount);
                poolTotals[i] = Math.addExact(poolTotals[i], amount);
            }
            long regionTotal = region.path("totalSek").asLong();
            total = Math.addExact(total, regionTotal);
            rows.add(new FollowUpReport.RegionAllocation(regions.of(region.path("regionCode").asText()), amounts,
                    regionTotal));
        }
        rows.sort(Comparator.comparing(r -> r.region().code()));
        boolean addsUp = total == allocation.path("totalSek").asLong();
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < poolCodes.size(); i++) {
            totals.add(poolTotals[i]);
            addsUp &= poolTotals[i] == agreement.pools().get(i).amountSek();
        }
        Integer version = allocation.path("version").isInt() ? allocation.path("version").asInt() : null;
        Instant publishedAt = instant(allocation.path("publishedAt"));
        return new FollowUpReport.Allocation(allocation.path("status").asText(), version, publishedAt, poolCodes,
                rows, totals, total, addsUp,
                List.of(new Source("ALLOCATION", Integer.toString(year), version, publishedAt,
                        "allocation-service /api/v1/agreements/" + year + "/allocations/versions/" + version)));
    }

    private static long amount(JsonNode pools, String code) {
        for (JsonNode pool : array(pools)) {
            if (code.equals(pool.path("code").asText())) {
                return pool.path("amountSek").asLong();
            }
        }
        return 0;
    }

    // ---- 3. spending per focus area ----

    private FollowUpReport.Spending spending(List<FollowUpReport.FocusArea> focusAreas, JsonNode summary,
            JsonNode figures, Regions regions, List<Source> reports) {
        Map<String, Long> national = new LinkedHashMap<>();
        focusAreas.forEach(a -> national.put(a.code(), 0L));
        for (JsonNode area : array(summary.path("focusAreas"))) {
            national.put(area.path("code").asText(), area.path("amountSek").asLong());
        }
        long covered = national.values().stream().reduce(0L, Math::addExact);
        List<FollowUpReport.AreaShare> nationalShares = shares(focusAreas, national, covered);

        List<FollowUpReport.Region> included = new ArrayList<>();
        array(summary.path("includedRegions")).forEach(r -> included.add(regions.of(r.asText())));
        List<FollowUpReport.Excluded> excluded = new ArrayList<>();
        for (JsonNode e : array(summary.path("excludedRegions"))) {
            excluded.add(new FollowUpReport.Excluded(regions.of(e.path("regionCode").asText()),
                    e.path("reason").asText(), e.path("statedReason").asText(null)));
        }

        Map<String, JsonNode> rows = rowsByRegion(figures);
        List<FollowUpReport.RegionSpending> perRegion = new ArrayList<>();
        for (FollowUpReport.Region region : included) {
            JsonNode spending = Optional.ofNullable(rows.get(region.code()))
                    .map(r -> r.path("figures").path("spending")).orElse(null);
            if (spending == null || spending.isMissingNode() || spending.isNull()) {
                continue;
            }
            Map<String, Long> lines = new LinkedHashMap<>();
            focusAreas.forEach(a -> lines.put(a.code(), 0L));
            for (JsonNode line : array(spending.path("lines"))) {
                lines.merge(line.path("focusArea").asText(), line.path("amountSek").asLong(), Math::addExact);
            }
            long spent = lines.values().stream().reduce(0L, Math::addExact);
            perRegion.add(new FollowUpReport.RegionSpending(region, spent, shares(focusAreas, lines, spent)));
        }

        List<FollowUpReport.AreaCount> counts = new ArrayList<>();
        for (FollowUpReport.FocusArea area : focusAreas) {
            int large = 0;
            int nothing = 0;
            for (FollowUpReport.RegionSpending region : perRegion) {
                FollowUpReport.AreaShare share = region.areas().stream().filter(a -> a.code().equals(area.code()))
                        .findFirst().orElseThrow();
                if (share.amountSek() == 0) {
                    nothing++;
                } else if (share.sharePercent() != null && share.sharePercent().isAbove(largeSharePercent)) {
                    large++;
                }
            }
            counts.add(new FollowUpReport.AreaCount(area.code(), area.name(), large, nothing));
        }
        return new FollowUpReport.Spending(nationalShares, included, covered, excluded, perRegion, largeSharePercent,
                counts, reports);
    }

    private static List<FollowUpReport.AreaShare> shares(List<FollowUpReport.FocusArea> focusAreas,
            Map<String, Long> amounts, long whole) {
        Map<String, String> names = new LinkedHashMap<>();
        focusAreas.forEach(a -> names.put(a.code(), a.name()));
        List<FollowUpReport.AreaShare> shares = new ArrayList<>();
        // Codes a report has beyond the agreement's (none when the service checks them) come last, under their code.
        amounts.forEach((code, amount) -> shares.add(new FollowUpReport.AreaShare(code, names.getOrDefault(code, code),
                amount, Percent.of(amount, whole))));
        return shares;
    }

    // ---- 4. target groups ----

    private static FollowUpReport.TargetGroups targetGroups(JsonNode summary, List<Source> reports) {
        int activities = summary.path("activities").asInt();
        List<FollowUpReport.GroupShare> groups = new ArrayList<>();
        for (JsonNode group : array(summary.path("targetGroups"))) {
            int count = group.path("activityCount").asInt();
            groups.add(new FollowUpReport.GroupShare(group.path("code").asText(), count,
                    Percent.of(count, activities)));
        }
        return new FollowUpReport.TargetGroups(activities, summary.path("submitted").asInt(), groups, reports);
    }

    // ---- 5. workforce plans ----

    private static FollowUpReport.WorkforcePlans workforcePlans(JsonNode figures, Regions regions,
            List<Source> reports) {
        List<FollowUpReport.RegionPlan> plans = new ArrayList<>();
        int withPlan = 0;
        for (JsonNode row : array(figures.path("regions"))) {
            FollowUpReport.Region region = regions.of(row.path("regionCode").asText());
            JsonNode plan = row.path("figures").path("workforcePlan");
            if (!COUNTED.contains(row.path("status").asText()) || plan.isMissingNode() || plan.isNull()) {
                plans.add(new FollowUpReport.RegionPlan(region, row.path("status").asText(), null, null, null,
                        List.of()));
                continue;
            }
            boolean exists = plan.path("exists").asBoolean();
            withPlan += exists ? 1 : 0;
            List<String> professions = new ArrayList<>();
            array(plan.path("professions")).forEach(p -> professions.add(p.asText()));
            plans.add(new FollowUpReport.RegionPlan(region, row.path("status").asText(), exists,
                    integer(plan.path("periodFrom")), integer(plan.path("periodTo")), professions));
        }
        return new FollowUpReport.WorkforcePlans(withPlan, plans.size(), plans, reports);
    }

    // ---- 6. indicators ----

    private static FollowUpReport.Indicators indicators(List<Sources.Indicator> indicators, Regions regions) {
        List<FollowUpReport.IndicatorSection> sections = new ArrayList<>();
        List<Source> all = new ArrayList<>();
        for (Sources.Indicator indicator : indicators) {
            FollowUpReport.IndicatorSection section = indicator(indicator, regions);
            sections.add(section);
            all.addAll(section.sources());
        }
        return new FollowUpReport.Indicators(sections, all);
    }

    private static FollowUpReport.IndicatorSection indicator(Sources.Indicator indicator, Regions regions) {
        JsonNode definition = indicator.definition();
        JsonNode summary = indicator.summary();
        JsonNode target = definition.path("target");
        List<FollowUpReport.IndicatorRow> rows = new ArrayList<>();
        for (JsonNode value : array(indicator.values())) {
            rows.add(new FollowUpReport.IndicatorRow(regions.of(value.path("regionCode").asText()),
                    decimal(value.path("value")), value.path("suppressed").asBoolean(),
                    decimal(value.path("regionReported").path("value")), decimal(value.path("previousValue")),
                    decimal(value.path("change")), decimal(value.path("clinicMin")), decimal(value.path("clinicMax")),
                    value.path("meetsTarget").isBoolean() ? value.path("meetsTarget").asBoolean() : null));
        }
        List<FollowUpReport.GroupGap> gaps = new ArrayList<>();
        for (JsonNode gap : indicator.gaps()) {
            List<FollowUpReport.GapRow> gapRows = new ArrayList<>();
            for (JsonNode row : array(gap.path("regions"))) {
                gapRows.add(gapRow(regions.of(row.path("regionCode").asText()), row));
            }
            gapRows.sort(Comparator.comparing(r -> r.region().code()));
            gaps.add(new FollowUpReport.GroupGap(gap.path("groupA").asText(), gap.path("groupB").asText(),
                    gapRow(regions.of(gap.path("national").path("regionCode").asText("SE")), gap.path("national")),
                    gapRows));
        }
        JsonNode meeting = summary.path("regionsMeetingTarget");
        FollowUpReport.Target goal = target.isObject()
                ? new FollowUpReport.Target(target.path("operator").asText(), decimal(target.path("value")))
                : null;
        BigDecimal national = decimal(summary.path("national").path("value"));
        List<Source> sources = new ArrayList<>();
        for (JsonNode period : indicator.provenance()) {
            for (JsonNode batch : array(period.path("batches"))) {
                boolean registry = "REGISTRY".equals(batch.path("origin").asText());
                sources.add(new Source(registry ? "IMPORT_BATCH" : "REGION_REPORT", batch.path("batchId").asText(),
                        null, instant(batch.path("loadedAt")),
                        definition.path("code").asText() + " " + period.path("period").asText() + ": "
                                + batch.path("observations").asInt()
                                + (registry ? " värden, " + batch.path("format").asText("") : " värde")));
            }
        }
        return new FollowUpReport.IndicatorSection(definition.path("code").asText(),
                definition.path("name").asText(), definition.path("unit").asText(),
                definition.path("source").asText(null), goal, summary.path("period").asText(null),
                summary.path("previousPeriod").asText(null), national,
                summary.path("national").path("origin").asText(null), decimal(summary.path("previousNational")),
                decimal(summary.path("change")), meets(goal, national),
                meeting.isObject() ? meeting.path("count").asInt() : null,
                meeting.isObject() ? meeting.path("of").asInt() : null, rows, gaps, sources);
    }

    /** Whether a value meets the target (as indicators-service judges a region's); null without either. */
    static Boolean meets(FollowUpReport.Target target, BigDecimal value) {
        if (target == null || value == null || target.value() == null) {
            return null;
        }
        int comparison = value.compareTo(target.value());
        return "<=".equals(target.operator()) ? comparison <= 0 : comparison >= 0;
    }

    private static FollowUpReport.GapRow gapRow(FollowUpReport.Region region, JsonNode gap) {
        return new FollowUpReport.GapRow(region, decimal(gap.path("valueA")), decimal(gap.path("valueB")),
                decimal(gap.path("gap")), decimal(gap.path("previousGap")));
    }

    /**
     * The period of an indicator's /periods answer that the follow-up of {@code year} shows: the newest one that ends
     * in the agreement year (2024: 2023-08-01/2024-07-31 for a reporting year, 2024-01-01/2024-12-31 for a calendar
     * year, a snapshot in 2024).
     */
    public static Optional<JsonNode> periodFor(int year, JsonNode periods) {
        JsonNode best = null;
        LocalDate bestEnd = null;
        for (JsonNode period : array(periods)) {
            String[] interval = period.path("period").asText("").split("/");
            if (interval.length != 2) {
                continue;
            }
            LocalDate end = LocalDate.parse(interval[1]);
            if (end.getYear() == year && (bestEnd == null || end.isAfter(bestEnd))) {
                best = period;
                bestEnd = end;
            }
        }
        return Optional.ofNullable(best);
    }

    // ---- 7. completeness ----

    private static FollowUpReport.Completeness completeness(LocalDate deadline, JsonNode figures, Regions regions,
            List<Source> sources) {
        List<FollowUpReport.ReportState> reports = new ArrayList<>();
        List<FollowUpReport.Region> missing = new ArrayList<>();
        int received = 0;
        int accepted = 0;
        int awaiting = 0;
        int returned = 0;
        int late = 0;
        for (JsonNode row : array(figures.path("regions"))) {
            FollowUpReport.Region region = regions.of(row.path("regionCode").asText());
            String status = row.path("status").asText();
            boolean isLate = row.path("late").asBoolean();
            reports.add(new FollowUpReport.ReportState(region, status, integer(row.path("version")),
                    instant(row.path("submittedAt")), isLate, instant(row.path("reviewedAt"))));
            if (COUNTED.contains(status)) {
                received++;
                late += isLate ? 1 : 0;
            } else {
                missing.add(region);
            }
            accepted += ACCEPTED.equals(status) ? 1 : 0;
            awaiting += SUBMITTED.equals(status) ? 1 : 0;
            returned += RETURNED.equals(status) ? 1 : 0;
        }
        return new FollowUpReport.Completeness(deadline, reports.size(), received, accepted, awaiting, returned, late,
                missing, reports, sources);
    }

    /** One source per submitted or accepted report: its version, and when it was last submitted or reviewed. */
    private static List<Source> reportSources(int year, JsonNode figures) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode row : array(figures.path("regions"))) {
            String status = row.path("status").asText();
            if (!COUNTED.contains(status)) {
                continue;
            }
            Instant submitted = instant(row.path("submittedAt"));
            Instant reviewed = instant(row.path("reviewedAt"));
            Instant time = reviewed != null && (submitted == null || reviewed.isAfter(submitted))
                    ? reviewed
                    : submitted;
            sources.add(new Source("REPORT", year + "/" + row.path("regionCode").asText(),
                    integer(row.path("version")), time, status));
        }
        return sources;
    }

    // ---- JSON helpers ----

    private static Map<String, JsonNode> rowsByRegion(JsonNode figures) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode row : array(figures.path("regions"))) {
            rows.put(row.path("regionCode").asText(), row);
        }
        return rows;
    }

    static Iterable<JsonNode> array(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return () -> StreamSupport.stream(node.spliterator(), false).iterator();
    }

    /** A number as the service wrote it, exactly (Jackson's tree may give 10.0 as 1E+1: written 10, never 1E+1). */
    private static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() || !node.isNumber() ? null : node.asInt();
    }

    private static Instant instant(JsonNode node) {
        return node == null || !node.isTextual() ? null : Instant.parse(node.asText());
    }

    /** Region names from allocation-service; a code it does not know (SE, the whole country) keeps its code. */
    private record Regions(Map<String, String> names) {
        FollowUpReport.Region of(String code) {
            return new FollowUpReport.Region(code, "SE".equals(code) ? "Riket" : names.getOrDefault(code, code));
        }
    }
}
