package se.kvinnohalsa.support.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.kvinnohalsa.support.outbox.Outbox;

import java.util.Map;

/**
 * The event consumers of this service: {@code state: OK}, or {@code DEGRADED} with each retrying consumer's detail
 * (since when, how many attempts, the last error) while a transient failure lasts. Stays UP: a consumer that retries
 * is alive and catches up by itself; the datasource's own check says whether the database is reachable.
 */
@Readiness
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    Inbox inbox;

    @Override
    public HealthCheckResponse call() {
        Map<String, Map<String, Object>> retrying = inbox.retrying();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up()
                .withData("state", retrying.isEmpty() ? "OK" : "DEGRADED");
        retrying.forEach((consumer, detail) -> detail
                .forEach((name, value) -> response.withData(consumer + "." + name, String.valueOf(value))));
        return response.build();
    }
}
