package se.kvinnohalsa.indicators.regionreport;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.indicators.IndicatorsConfig;
import se.kvinnohalsa.indicators.catalog.Indicator;
import se.kvinnohalsa.indicators.period.Period;
import se.kvinnohalsa.indicators.read.ReadModelVersion;
import se.kvinnohalsa.support.inbox.EventContext;
import se.kvinnohalsa.support.inbox.EventHandlers;
import se.kvinnohalsa.support.inbox.Inbox;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the postpartum visit share each region gives in its yearly report (report.submitted) beside the registry's
 * value, with origin REGION_REPORT. The report of agreement year Y covers the reporting year ending in Y:
 * (Y-1)-08-01/Y-07-31 (the 2024 report carries the 2023/24 share). A resubmission replaces the value, the earlier
 * one going to the history; an older submission arriving after a newer one changes nothing.
 */
@ApplicationScoped
public class RegionReportConsumer {

    static final String CONSUMER = "indicators-service";
    private static final Logger LOG = Logger.getLogger(RegionReportConsumer.class);

    @Inject
    IndicatorsConfig config;

    @Inject
    Clock clock;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModelVersion readModel;

    private final EventHandlers handlers = new EventHandlers().on(ReportSubmittedV1.class, this::apply);

    @Incoming("report-events-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(CONSUMER, message, handlers);
    }

    @SuppressWarnings("unchecked")
    void apply(ReportSubmittedV1 event, EventContext context) {
        BigDecimal share = event.postpartumVisitSharePercent();
        if (share == null) {
            return;
        }
        Indicator indicator = Indicator.findById(config.regionReport().indicator());
        if (indicator == null || share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0
                || !List.of(regionCodes()).contains(event.regionCode())) {
            LOG.warnf("report.submitted %s/%s: share %s not stored (unknown indicator, region or out of range)",
                    event.year(), event.regionCode(), share);
            return;
        }
        Period period = Period.reportingYearEndingIn(event.year());
        Instant reportedAt = event.submittedAt() == null ? Instant.now(clock) : event.submittedAt();
        List<Object[]> existing = entityManager.createNativeQuery("""
                SELECT value, loaded_at FROM observation WHERE indicator_code = :code AND region_code = :region
                  AND period_start = :start AND group_code = 'ALL' AND origin = 'REGION_REPORT' FOR UPDATE""")
                .setParameter("code", config.regionReport().indicator()).setParameter("region", event.regionCode())
                .setParameter("start", period.start()).getResultList();
        String loadedBy = "report.submitted " + event.year() + "/" + event.regionCode();
        if (existing.isEmpty()) {
            entityManager.createNativeQuery("""
                    INSERT INTO observation (indicator_code, region_code, period_start, period_end, group_code,
                        origin, value, version, batch_id, loaded_by, loaded_at)
                    VALUES (:code, :region, :start, :end, 'ALL', 'REGION_REPORT', :value, 1, :batch, :by, :at)""")
                    .setParameter("code", config.regionReport().indicator()).setParameter("region", event.regionCode())
                    .setParameter("start", period.start()).setParameter("end", period.end())
                    .setParameter("value", share).setParameter("batch", context.id()).setParameter("by", loadedBy)
                    .setParameter("at", reportedAt).executeUpdate();
        } else {
            BigDecimal stored = (BigDecimal) existing.get(0)[0];
            Instant storedAt = toInstant(existing.get(0)[1]);
            if (storedAt.isAfter(reportedAt) || stored.compareTo(share) == 0) {
                return;
            }
            entityManager.createNativeQuery("""
                    INSERT INTO observation_history (indicator_code, region_code, period_start, period_end,
                        group_code, origin, value, numerator, denominator, clinic_min, clinic_max, version,
                        batch_id, loaded_by, loaded_at, superseded_at, superseded_by)
                    SELECT indicator_code, region_code, period_start, period_end, group_code, origin, value,
                           numerator, denominator, clinic_min, clinic_max, version, batch_id, loaded_by,
                           loaded_at, now(), :batch
                    FROM observation WHERE indicator_code = :code AND region_code = :region
                      AND period_start = :start AND group_code = 'ALL' AND origin = 'REGION_REPORT'""")
                    .setParameter("batch", context.id()).setParameter("code", config.regionReport().indicator())
                    .setParameter("region", event.regionCode()).setParameter("start", period.start()).executeUpdate();
            entityManager.createNativeQuery("""
                    UPDATE observation SET value = :value, version = version + 1, batch_id = :batch,
                        loaded_by = :by, loaded_at = :at
                    WHERE indicator_code = :code AND region_code = :region AND period_start = :start
                      AND group_code = 'ALL' AND origin = 'REGION_REPORT'""")
                    .setParameter("value", share).setParameter("batch", context.id()).setParameter("by", loadedBy)
                    .setParameter("at", reportedAt).setParameter("code", config.regionReport().indicator())
                    .setParameter("region", event.regionCode()).setParameter("start", period.start()).executeUpdate();
        }
        readModel.bump();
    }

    private String[] regionCodes() {
        @SuppressWarnings("unchecked")
        List<String> codes = entityManager.createNativeQuery("SELECT code FROM region WHERE NOT national")
                .getResultList();
        return codes.toArray(String[]::new);
    }

    private static Instant toInstant(Object value) {
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
}
