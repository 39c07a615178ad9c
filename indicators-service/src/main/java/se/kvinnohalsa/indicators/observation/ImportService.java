package se.kvinnohalsa.indicators.observation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.indicators.IndicatorsConfig;
import se.kvinnohalsa.indicators.catalog.CatalogService;
import se.kvinnohalsa.indicators.catalog.Indicator;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.read.ReadModelVersion;
import se.kvinnohalsa.indicators.region.Regions;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a batch in one transaction: rows are streamed from the body through validation into a staging table with
 * COPY, then merged with what is stored in one set-based statement (created, updated with the old version kept in
 * the history, or unchanged). All-or-nothing by default; the read model is bumped and the event goes out through the
 * outbox once per batch, in the same transaction.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    IndicatorsConfig config;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    ReadModelVersion readModel;

    @Inject
    Regions regions;

    @Inject
    MeterRegistry metrics;

    private ObjectMapper itemMapper;

    /**
     * Items are read one at a time from one parser, so trailing tokens (the next item) are expected; decimals stay
     * exact (90.1, not a double).
     */
    @jakarta.annotation.PostConstruct
    void itemMapper() {
        itemMapper = mapper.copy()
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public long maxBytes() {
        return config.imports().maxBytes();
    }

    public record Options(boolean dryRun, boolean atomic) {
    }

    @Transactional
    public ImportResult importBatch(String indicatorCode, Column.Format format, InputStream body, Options options,
            String loadedBy) {
        Indicator indicator = CatalogService.require(indicatorCode);
        RowRules rules = new RowRules(indicator.periodType, indicator.unit, new HashSet<>(indicator.groups),
                regions.codesWithNational(), format);
        String batchId = UUID.randomUUID().toString();
        ErrorList errors = new ErrorList(config.imports().maxErrorsListed());
        long received = 0;
        long rejected = 0;
        InputStream limited = new LimitedInputStream(body, config.imports().maxBytes());
        int maxPeriods = config.imports().maxPeriods();
        Set<Period> periods = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            Staging staging = new Staging(connection, indicator.code);
            try (RowSource rows = format == Column.Format.CSV
                    ? new CsvRows(limited)
                    : new JsonRows(itemMapper, limited)) {
                for (RawRow raw = rows.next(); raw != null; raw = rows.next()) {
                    received++;
                    RowRules.Checked checked = rules.check(raw);
                    if (checked.valid()) {
                        if (periods.add(checked.row().period()) && periods.size() > maxPeriods) {
                            throw new InvalidContentException(Column.PERIOD.name(format), "a batch may hold at most "
                                    + maxPeriods + " periods (row " + checked.row().row()
                                    + " brings one more); split it by period");
                        }
                        staging.add(checked.row());
                    } else {
                        rejected++;
                        checked.errors().forEach(errors::add);
                    }
                }
            } catch (RuntimeException e) {
                staging.abort();
                throw e;
            }
            staging.finish();
            if (received == 0) {
                throw new InvalidContentException("body", "the batch has no rows");
            }
            String keyField = Column.REGION_CODE.name(format) + "," + Column.PERIOD.name(format) + ","
                    + Column.GROUP.name(format);
            for (long[] duplicate : staging.duplicates()) {
                for (long row : duplicate) {
                    rejected++;
                    errors.add(new RowError(row, keyField, "the same region, period and group are in rows "
                            + Arrays.toString(duplicate) + " of this batch"));
                }
            }
            if (rejected > 0 && options.atomic()) {
                throw new BatchRejectedException(new ImportResult(batchId, options.dryRun(), true, received, 0, 0, 0,
                        rejected, errors.sorted(), errors.notShown()));
            }
            // One import of an indicator at a time, so that two batches cannot both create the same row.
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "observation:" + indicator.code);
                lock.execute();
            }
            if (options.dryRun()) {
                Staging.Counts counts = staging.count();
                return new ImportResult(batchId, true, options.atomic(), received, counts.created(),
                        counts.updated(), counts.unchanged(), rejected, errors.sorted(), errors.notShown());
            }
            Instant now = Instant.now(clock);
            Staging.Merged merged = staging.merge(batchId, loadedBy, now);
            Staging.Counts counts = merged.counts();
            if (counts.created() + counts.updated() > 0) {
                readModel.bump();
                outbox.publish(new IndicatorObservationsChangedV1(indicator.code, batchId, merged.periods(),
                        merged.regionCodes(), counts.created(), counts.updated(), now));
            }
            ImportResult result = new ImportResult(batchId, false, options.atomic(), received, counts.created(),
                    counts.updated(), counts.unchanged(), rejected, errors.sorted(), errors.notShown());
            record(connection, indicator.code, format, batchId, loadedBy, now, result);
            metrics.counter("indicators.import.rows", "result", "stored")
                    .increment(counts.created() + counts.updated());
            metrics.counter("indicators.import.rows", "result", "rejected").increment(rejected);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("import of " + indicatorCode + " failed in the database", e);
        }
    }

    private static void record(Connection connection, String code, Column.Format format, String batchId,
            String loadedBy,
            Instant at, ImportResult result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO import_batch (id, indicator_code, format, loaded_by, loaded_at, received, created, updated,
                    unchanged, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, batchId);
            insert.setString(2, code);
            insert.setString(3, format.name());
            insert.setString(4, loadedBy);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setLong(6, result.received());
            insert.setInt(7, result.created());
            insert.setInt(8, result.updated());
            insert.setInt(9, result.unchanged());
            insert.setLong(10, result.rejected());
            insert.executeUpdate();
        }
    }

    /** Every version of one observation, newest first. */
    @SuppressWarnings("unchecked")
    public List<HistoryEntry> history(String indicatorCode, String regionCode, String periodText, String group,
            String origin) {
        Indicator indicator = CatalogService.require(indicatorCode);
        regions.require(regionCode);
        Period.Result period = Period.parse(periodText, indicator.periodType);
        if (!period.ok()) {
            throw new MalformedRequestException("period", period.error());
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT version, true, origin, period_start, period_end, value, numerator, denominator, clinic_min,
                       clinic_max, batch_id, loaded_by, loaded_at, NULL AS superseded_at, NULL AS superseded_by
                FROM observation WHERE indicator_code = :code AND region_code = :region AND period_start = :start
                  AND group_code = :grp AND origin = :origin
                UNION ALL
                SELECT version, false, origin, period_start, period_end, value, numerator, denominator, clinic_min,
                       clinic_max, batch_id, loaded_by, loaded_at, superseded_at, superseded_by
                FROM observation_history WHERE indicator_code = :code AND region_code = :region
                  AND period_start = :start AND group_code = :grp AND origin = :origin
                ORDER BY 1 DESC""")
                .setParameter("code", indicator.code).setParameter("region", regionCode)
                .setParameter("start", period.period().start()).setParameter("grp", group)
                .setParameter("origin", origin).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No " + origin + " observation of " + indicator.code + " for region "
                    + regionCode + ", period " + period.period() + " and group " + group);
        }
        return rows.stream().map(r -> new HistoryEntry(((Number) r[0]).intValue(), (Boolean) r[1], (String) r[2],
                r[3] + "/" + r[4], (BigDecimal) r[5], r[6] == null ? null : ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), (BigDecimal) r[8],
                (BigDecimal) r[9], (String) r[10], (String) r[11], instant(r[12]), instant(r[13]),
                (String) r[14])).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /** Row errors up to a cap; beyond it only counted. */
    static final class ErrorList {
        private final int cap;
        private final List<RowError> kept = new ArrayList<>();
        private long notShown;

        ErrorList(int cap) {
            this.cap = cap;
        }

        void add(RowError error) {
            if (kept.size() < cap) {
                kept.add(error);
            } else {
                notShown++;
            }
        }

        List<RowError> sorted() {
            return kept.stream().sorted(Comparator.comparingLong(RowError::row)).toList();
        }

        long notShown() {
            return notShown;
        }
    }
}
