package se.kvinnohalsa.indicators;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.math.BigDecimal;
import java.util.List;

/** indicators-service's own settings ({@code indicators.*} in application.properties). */
@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {

    @WithName("import")
    Import imports();

    Suppression suppression();

    Read read();

    RegionReport regionReport();

    interface Import {
        /** A batch larger than this is refused with 413; it is streamed, never held in memory whole. */
        long maxBytes();

        /** Row errors listed in an import reply; the rest are counted in errorsNotShown. */
        int maxErrorsListed();

        /**
         * Distinct periods one batch may hold; more is refused with 422 naming the period. The batch's event lists the
         * periods it changed and has to fit one Kafka record (1 MiB).
         */
        int maxPeriods();
    }

    interface Suppression {
        /** Values whose denominator is below this are suppressed in public reads (small cells). */
        long minDenominator();

        /**
         * Secondary suppression: no published combination of figures may bound a small cell's value tighter than
         * this many points of the indicator's unit (percentage points for percentages) on either side of its true
         * value, within the unit's range.
         */
        BigDecimal protectionInterval();

        /**
         * Groups that together make up ALL, each written {@code A+B} (e.g. BORN_SWEDEN+BORN_ABROAD): a relation
         * anyone can use, protected like the national value. Pairs whose denominators add up to ALL's are
         * recognized without being listed.
         */
        List<String> groupPartitions();
    }

    interface Read {
        /** Dashboards may reuse a view this long (Cache-Control max-age), then revalidate with If-None-Match. */
        int maxAgeSeconds();

        /** How often a replica asks the database whether another replica changed the data. */
        long versionCheckMillis();

        /** Cached views kept per replica. */
        int cacheEntries();
    }

    interface RegionReport {
        /** The indicator that report.submitted's postpartumVisitSharePercent belongs to. */
        String indicator();

        /** A region's reported share differing from the registry's by more than this (percentage points) is flagged. */
        BigDecimal maxDifference();
    }
}
