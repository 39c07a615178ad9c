package se.kvinnohalsa.indicators.read;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.indicators.IndicatorsConfig;
import se.kvinnohalsa.indicators.catalog.CatalogService;
import se.kvinnohalsa.indicators.catalog.Indicator;
import se.kvinnohalsa.indicators.catalog.Target;
import se.kvinnohalsa.indicators.disclosure.SuppressionPlan;
import se.kvinnohalsa.indicators.disclosure.SuppressionReason;
import se.kvinnohalsa.indicators.observation.MalformedRequestException;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.region.Regions;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the read views from the stored observations. Public views withhold small cells (denominator below the
 * configured threshold) and the complementary cells that keep them from being worked out ({@link DisclosurePlans}),
 * the same in every view: values, previous values and changes, summaries, gaps, series and latest. Admins' views show
 * everything.
 */
@ApplicationScoped
public class ReadService {

    static final String REGISTRY = "REGISTRY";
    static final String REGION_REPORT = "REGION_REPORT";
    static final String ALL = "ALL";

    @Inject
    IndicatorsConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Regions regions;

    record Obs(String regionCode, Period period, String group, BigDecimal value, Long numerator, Long denominator,
            BigDecimal clinicMin, BigDecimal clinicMax) {
    }

    @Inject
    DisclosurePlans disclosure;

    /** What the public may see of a period: small cells and their complements withheld; admins see everything. */
    private SuppressionPlan plan(Indicator indicator, Period period, boolean admin) {
        return admin || period == null ? SuppressionPlan.NONE : disclosure.plan(indicator, period);
    }

    private SuppressionPlan plan(Indicator indicator, Optional<Period> period, boolean admin) {
        return plan(indicator, period.orElse(null), admin);
    }

    static SuppressionReason reason(Obs obs, SuppressionPlan plan) {
        return obs == null ? null : plan.reason(obs.group(), obs.regionCode());
    }

    static BigDecimal shown(Obs obs, SuppressionPlan plan) {
        return obs == null || reason(obs, plan) != null ? null : Figures.clean(obs.value());
    }

    // ---- views ----

    public List<Views.RegionValueView> values(String code, String periodText, String groupText, boolean admin) {
        Indicator indicator = CatalogService.require(code);
        String group = group(indicator, groupText);
        Optional<Period> period = resolve(indicator, periodText, group);
        if (period.isEmpty()) {
            return List.of();
        }
        Optional<Period> previous = previous(indicator, period.get());
        SuppressionPlan plan = plan(indicator, period, admin);
        SuppressionPlan previousPlan = plan(indicator, previous, admin);
        Map<String, Obs> current = load(indicator.code, period.get(), group, REGISTRY);
        Map<String, Obs> before = previous.map(p -> load(indicator.code, p, group, REGISTRY)).orElse(Map.of());
        Map<String, Obs> reported = load(indicator.code, period.get(), group, REGION_REPORT);
        Target target = indicator.target();
        List<Views.RegionValueView> views = new ArrayList<>();
        for (Obs obs : current.values()) {
            if (Regions.NATIONAL.equals(obs.regionCode())) {
                continue;
            }
            SuppressionReason reason = reason(obs, plan);
            boolean suppressed = reason != null;
            BigDecimal value = shown(obs, plan);
            Obs previousObs = before.get(obs.regionCode());
            BigDecimal previousValue = shown(previousObs, previousPlan);
            views.add(new Views.RegionValueView(obs.regionCode(), regions.names().get(obs.regionCode()),
                    period.get().toString(), group, value, suppressed, reason,
                    previous.map(Period::toString).orElse(null), previousValue, reason(previousObs, previousPlan),
                    Figures.difference(value, previousValue),
                    suppressed ? null : Figures.clean(obs.clinicMin()),
                    suppressed ? null : Figures.clean(obs.clinicMax()),
                    Target.meets(target, value),
                    suppressed ? null : regionReported(reported.get(obs.regionCode()), value)));
        }
        return views;
    }

    /** The region's own reported value beside the registry's; not shown beside a withheld value, which it is close to. */
    private Views.RegionReported regionReported(Obs reported, BigDecimal registryValue) {
        if (reported == null) {
            return null;
        }
        BigDecimal difference = Figures.difference(reported.value(), registryValue);
        return new Views.RegionReported(Figures.clean(reported.value()), difference,
                difference != null && difference.abs().compareTo(config.regionReport().maxDifference()) > 0);
    }

    public Views.SummaryView summary(String code, String periodText, String groupText, boolean admin) {
        Indicator indicator = CatalogService.require(code);
        String group = group(indicator, groupText);
        Period period = resolve(indicator, periodText, group).orElseThrow(() -> noData(indicator, group));
        Map<String, Obs> current = load(indicator.code, period, group, REGISTRY);
        if (current.isEmpty()) {
            throw new NotFoundException("No values of " + indicator.code + " for " + period + " and group " + group);
        }
        Optional<Period> previous = previous(indicator, period);
        SuppressionPlan plan = plan(indicator, period, admin);
        SuppressionPlan previousPlan = plan(indicator, previous, admin);
        Figures.National national = national(current);
        Figures.National previousNational = previous.map(p -> national(load(indicator.code, p, group, REGISTRY)))
                .orElse(null);
        Target target = indicator.target();

        List<Figures.RegionValue> shownRegions = new ArrayList<>();
        List<Views.Suppression> suppressions = new ArrayList<>();
        for (Obs obs : current.values()) {
            if (Regions.NATIONAL.equals(obs.regionCode())) {
                continue;
            }
            SuppressionReason reason = reason(obs, plan);
            if (reason != null) {
                suppressions.add(new Views.Suppression(obs.regionCode(), reason));
            } else {
                shownRegions.add(new Figures.RegionValue(obs.regionCode(), obs.value(), obs.denominator()));
            }
        }
        Views.MeetingTarget meeting = null;
        if (target != null) {
            List<String> meetingCodes = shownRegions.stream().filter(r -> Boolean.TRUE.equals(target.meets(r.value())))
                    .map(Figures.RegionValue::regionCode).sorted().toList();
            meeting = new Views.MeetingTarget(meetingCodes.size(), shownRegions.size(), meetingCodes);
        }
        SuppressionReason nationalReason = plan.reason(group, Regions.NATIONAL);
        SuppressionReason previousNationalReason = previousPlan.reason(group, Regions.NATIONAL);
        BigDecimal nationalValue = national == null || nationalReason != null ? null : national.value();
        BigDecimal previousValue = previousNational == null || previousNationalReason != null
                ? null
                : previousNational.value();
        return new Views.SummaryView(indicator.code, period.toString(), group,
                previous.map(Period::toString).orElse(null),
                national == null
                        ? null
                        : new Views.NationalView(nationalValue, national.origin(), nationalReason != null,
                                nationalReason),
                previousValue, previousNational == null ? null : previousNationalReason,
                Figures.difference(nationalValue, previousValue), target, meeting,
                ranked(Figures.lowest(shownRegions)), ranked(Figures.highest(shownRegions)),
                suppressions.stream().map(Views.Suppression::regionCode).toList(), suppressions);
    }

    private static List<Views.Ranked> ranked(List<Figures.RegionValue> values) {
        return values.stream().map(v -> new Views.Ranked(v.regionCode(), v.value())).toList();
    }

    /** National value of one period and group: SE when reported, else computed from every region's value. */
    private static Figures.National national(Map<String, Obs> observations) {
        Obs se = observations.get(Regions.NATIONAL);
        List<Figures.RegionValue> regionValues = observations.values().stream()
                .filter(o -> !Regions.NATIONAL.equals(o.regionCode()))
                .map(o -> new Figures.RegionValue(o.regionCode(), o.value(), o.denominator())).toList();
        return Figures.national(se == null ? null : se.value(), regionValues);
    }

    /** The national value as published: null when there is none or it is withheld. */
    private static BigDecimal publishedNational(Map<String, Obs> observations, String group, SuppressionPlan plan) {
        Figures.National national = national(observations);
        return national == null || plan.suppressed(group, Regions.NATIONAL) ? null : national.value();
    }

    public Views.GapsView gaps(String code, String periodText, String groupsText, boolean admin) {
        Indicator indicator = CatalogService.require(code);
        List<String> groups = groupsText == null
                ? List.of()
                : Arrays.stream(groupsText.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (groups.size() != 2 || groups.get(0).equals(groups.get(1))) {
            throw new MalformedRequestException("groups",
                    "two different groups are required, e.g. groups=EDU_HIGHER,EDU_PRIMARY");
        }
        String a = group(indicator, groups.get(0));
        String b = group(indicator, groups.get(1));
        Period period = resolve(indicator, periodText, a).orElseThrow(() -> noData(indicator, a));
        Optional<Period> previous = previous(indicator, period);
        SuppressionPlan plan = plan(indicator, period, admin);
        SuppressionPlan previousPlan = plan(indicator, previous, admin);
        Map<String, Obs> currentA = load(indicator.code, period, a, REGISTRY);
        Map<String, Obs> currentB = load(indicator.code, period, b, REGISTRY);
        Map<String, Obs> previousA = previous.map(p -> load(indicator.code, p, a, REGISTRY)).orElse(Map.of());
        Map<String, Obs> previousB = previous.map(p -> load(indicator.code, p, b, REGISTRY)).orElse(Map.of());
        List<Figures.Gap> regionGaps = new ArrayList<>();
        Map<String, Views.GapView> views = new LinkedHashMap<>();
        for (String region : regions.names().keySet()) {
            if (Regions.NATIONAL.equals(region) || (!currentA.containsKey(region) && !currentB.containsKey(region))) {
                continue;
            }
            Figures.Gap gap = Figures.gap(region, shown(currentA.get(region), plan), shown(currentB.get(region), plan),
                    shown(previousA.get(region), previousPlan), shown(previousB.get(region), previousPlan));
            regionGaps.add(gap);
            views.put(region, gapView(gap, reason(currentA.get(region), plan), reason(currentB.get(region), plan)));
        }
        Figures.Gap national = Figures.gap(Regions.NATIONAL, publishedNational(currentA, a, plan),
                publishedNational(currentB, b, plan), publishedNational(previousA, a, previousPlan),
                publishedNational(previousB, b, previousPlan));
        return new Views.GapsView(indicator.code, period.toString(), previous.map(Period::toString).orElse(null), a, b,
                gapView(national, plan.reason(a, Regions.NATIONAL), plan.reason(b, Regions.NATIONAL)),
                Figures.largestFirst(regionGaps).stream().map(g -> views.get(g.regionCode())).toList());
    }

    private static Views.GapView gapView(Figures.Gap gap, SuppressionReason reasonA, SuppressionReason reasonB) {
        return new Views.GapView(gap.regionCode(), gap.valueA(), reasonA, gap.valueB(), reasonB, gap.gap(),
                gap.previousGap(), gap.change());
    }

    public List<Views.SeriesPoint> series(String code, String regionCode, String groupText, boolean admin) {
        Indicator indicator = CatalogService.require(code);
        if (regionCode == null || regionCode.isBlank()) {
            throw new MalformedRequestException("regionCode", "is required, e.g. regionCode=14");
        }
        regions.require(regionCode);
        String group = group(indicator, groupText);
        Target target = indicator.target();
        Map<String, Obs> reported = new LinkedHashMap<>();
        query(indicator.code, "region_code = :region AND group_code = :grp AND origin = 'REGION_REPORT'",
                Map.of("region", regionCode, "grp", group)).forEach(o -> reported.put(o.period().toString(), o));
        List<Views.SeriesPoint> points = new ArrayList<>();
        for (Obs obs : query(indicator.code, "region_code = :region AND group_code = :grp AND origin = 'REGISTRY'",
                Map.of("region", regionCode, "grp", group))) {
            SuppressionReason reason = reason(obs, plan(indicator, obs.period(), admin));
            boolean suppressed = reason != null;
            BigDecimal value = suppressed ? null : Figures.clean(obs.value());
            points.add(new Views.SeriesPoint(obs.period().toString(), group, value, suppressed, reason,
                    suppressed ? null : Figures.clean(obs.clinicMin()),
                    suppressed ? null : Figures.clean(obs.clinicMax()),
                    Target.meets(target, value),
                    suppressed ? null : regionReported(reported.get(obs.period().toString()), value)));
        }
        return points;
    }

    /** Every indicator with a value for the region in group ALL at that indicator's latest period. */
    public List<Views.LatestView> latest(String regionCode, boolean admin) {
        if (regionCode == null || regionCode.isBlank()) {
            throw new MalformedRequestException("regionCode", "is required, e.g. regionCode=14");
        }
        regions.require(regionCode);
        List<Views.LatestView> latest = new ArrayList<>();
        for (Indicator indicator : Indicator.<Indicator>listAll(Sort.by("code"))) {
            Optional<Period> period = latestPeriod(indicator.code, ALL);
            if (period.isEmpty()) {
                continue;
            }
            Obs obs = load(indicator.code, period.get(), ALL, REGISTRY).get(regionCode);
            if (obs == null) {
                continue;
            }
            SuppressionReason reason = reason(obs, plan(indicator, period, admin));
            BigDecimal value = reason != null ? null : Figures.clean(obs.value());
            latest.add(new Views.LatestView(indicator.code, indicator.name, indicator.unit, period.get().toString(),
                    value, reason != null, reason, indicator.target(), Target.meets(indicator.target(), value)));
        }
        return latest;
    }

    // ---- queries ----

    private static String group(Indicator indicator, String groupText) {
        String group = groupText == null || groupText.isBlank() ? ALL : groupText.strip();
        if (!indicator.groups.contains(group)) {
            throw new MalformedRequestException("group",
                    "'" + group + "' is not a group of " + indicator.code + " " + indicator.groups);
        }
        return group;
    }

    private Optional<Period> resolve(Indicator indicator, String periodText, String group) {
        if (periodText == null || periodText.isBlank()) {
            return latestPeriod(indicator.code, group);
        }
        Period.Result parsed = Period.parse(periodText, indicator.periodType);
        if (!parsed.ok()) {
            throw new MalformedRequestException("period", parsed.error());
        }
        return Optional.of(parsed.period());
    }

    private static NotFoundException noData(Indicator indicator, String group) {
        return new NotFoundException("No values of " + indicator.code + " for group " + group + " yet");
    }

    private Optional<Period> latestPeriod(String code, String group) {
        return periods("""
                SELECT period_start, period_end FROM observation
                WHERE indicator_code = :code AND origin = 'REGISTRY' AND group_code = :grp
                ORDER BY period_start DESC LIMIT 1""", Map.of("code", code, "grp", group));
    }

    /** The latest period of the indicator (any group) before the given one. */
    Optional<Period> previous(Indicator indicator, Period period) {
        return periods("""
                SELECT period_start, period_end FROM observation
                WHERE indicator_code = :code AND origin = 'REGISTRY' AND period_start < :start
                ORDER BY period_start DESC LIMIT 1""", Map.of("code", indicator.code, "start", period.start()));
    }

    @SuppressWarnings("unchecked")
    private Optional<Period> periods(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(r -> new Period(date(r[0]), date(r[1])));
    }

    private Map<String, Obs> load(String code, Period period, String group, String origin) {
        Map<String, Obs> byRegion = new LinkedHashMap<>();
        query(code, "period_start = :start AND group_code = :grp AND origin = :origin",
                Map.of("start", period.start(), "grp", group, "origin", origin))
                .forEach(o -> byRegion.put(o.regionCode(), o));
        return byRegion;
    }

    @SuppressWarnings("unchecked")
    private List<Obs> query(String code, String where, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery("""
                SELECT region_code, period_start, period_end, group_code, value, numerator, denominator, clinic_min,
                       clinic_max FROM observation WHERE indicator_code = :code AND\s""" + where
                + " ORDER BY period_start, region_code");
        query.setParameter("code", code);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Obs((String) r[0], new Period(date(r[1]), date(r[2])), (String) r[3],
                (BigDecimal) r[4], r[5] == null ? null : ((Number) r[5]).longValue(),
                r[6] == null ? null : ((Number) r[6]).longValue(), (BigDecimal) r[7], (BigDecimal) r[8])).toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
