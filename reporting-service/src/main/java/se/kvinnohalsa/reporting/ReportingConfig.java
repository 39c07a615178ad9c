package se.kvinnohalsa.reporting;

import io.smallrye.config.ConfigMapping;

import java.time.ZoneId;

/** reporting-service's own settings ({@code reporting.*} in application.properties). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** The reporting deadline is the end of the agreement's deadline day in this zone. */
    ZoneId deadlineZone();
}
