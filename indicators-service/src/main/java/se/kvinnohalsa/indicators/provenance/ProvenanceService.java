package se.kvinnohalsa.indicators.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import se.kvinnohalsa.indicators.catalog.CatalogService;
import se.kvinnohalsa.indicators.catalog.Indicator;
import se.kvinnohalsa.indicators.observation.MalformedRequestException;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.region.Regions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The periods of an indicator with values, and the batches their current values rest on. */
@ApplicationScoped
public class ProvenanceService {

    private static final String ALL = "ALL";

    @Inject
    EntityManager entityManager;

    /** Newest period first; only {@code periodText}'s when given (400 when it is not a period of the indicator). */
    @SuppressWarnings("unchecked")
    public List<PeriodProvenance> periods(String code, String periodText) {
        Indicator indicator = CatalogService.require(code);
        Period only = null;
        if (periodText != null && !periodText.isBlank()) {
            Period.Result parsed = Period.parse(periodText, indicator.periodType);
            if (!parsed.ok()) {
                throw new MalformedRequestException("period", parsed.error());
            }
            only = parsed.period();
        }
        Query query = entityManager.createNativeQuery("""
                SELECT o.period_start, o.period_end, o.origin, o.batch_id, b.format, min(o.loaded_at),
                       count(*), string_agg(DISTINCT o.group_code, ','),
                       count(DISTINCT o.region_code) FILTER (WHERE o.region_code <> :national AND o.group_code = :all
                                                              AND o.origin = 'REGISTRY'),
                       bool_or(o.region_code = :national AND o.origin = 'REGISTRY')
                FROM observation o LEFT JOIN import_batch b ON b.id = o.batch_id
                WHERE o.indicator_code = :code AND (CAST(:start AS date) IS NULL OR o.period_start = :start)
                GROUP BY o.period_start, o.period_end, o.origin, o.batch_id, b.format
                ORDER BY o.period_start DESC, min(o.loaded_at), o.batch_id""");
        query.setParameter("code", indicator.code).setParameter("national", Regions.NATIONAL)
                .setParameter("all", ALL).setParameter("start", only == null ? null : only.start());
        Map<String, Accumulated> periods = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            Period period = new Period(date(row[0]), date(row[1]));
            String origin = (String) row[2];
            Accumulated accumulated = periods.computeIfAbsent(period.toString(), p -> new Accumulated());
            Instant loadedAt = instant(row[5]);
            int count = ((Number) row[6]).intValue();
            accumulated.batches.add(new PeriodProvenance.Batch((String) row[3], origin, (String) row[4], loadedAt,
                    count));
            accumulated.observations += count;
            if (accumulated.lastLoadedAt == null || loadedAt.isAfter(accumulated.lastLoadedAt)) {
                accumulated.lastLoadedAt = loadedAt;
            }
            if ("REGISTRY".equals(origin)) {
                for (String group : ((String) row[7]).split(",")) {
                    accumulated.groups.add(group);
                }
                // A region's ALL value comes from one batch only: the counts of the batches add up.
                accumulated.regions += ((Number) row[8]).intValue();
                accumulated.national |= Boolean.TRUE.equals(row[9]);
            }
        }
        List<PeriodProvenance> result = new ArrayList<>();
        periods.forEach((period, a) -> result.add(new PeriodProvenance(period, ordered(indicator, a.groups),
                a.regions, a.national, a.observations, a.lastLoadedAt, List.copyOf(a.batches))));
        return result;
    }

    /** In the catalog's order of the indicator's groups. */
    private static List<String> ordered(Indicator indicator, TreeSet<String> groups) {
        List<String> ordered = new ArrayList<>(indicator.groups.stream().filter(groups::contains).toList());
        groups.stream().filter(g -> !ordered.contains(g)).forEach(ordered::add);
        return ordered;
    }

    private static final class Accumulated {
        final TreeSet<String> groups = new TreeSet<>();
        final List<PeriodProvenance.Batch> batches = new ArrayList<>();
        int regions;
        boolean national;
        int observations;
        Instant lastLoadedAt;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
