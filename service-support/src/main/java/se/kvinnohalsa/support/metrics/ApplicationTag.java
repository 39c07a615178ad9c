package se.kvinnohalsa.support.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Every metric carries {@code application="<quarkus.application.name>"}, so that the dashboards and alerts in
 * deploy/kubernetes/base/monitoring select a service the same way whatever labels the Prometheus scrape adds.
 */
@Dependent
public class ApplicationTag {

    public static final String TAG = "application";

    @Produces
    @Singleton
    MeterFilter applicationTag() {
        return MeterFilter.commonTags(
                List.of(Tag.of(TAG,
                        ConfigProvider.getConfig().getValue("quarkus.application.name", String.class))));
    }
}
