package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import se.kvinnohalsa.gateway.events.DomainEventReceived;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drops the cached follow-up of the year a domain event concerns, so the next request builds it from the changed
 * data. Agreement, allocation and report events carry their year; an indicator import names its periods, and a
 * period ending in year Y is shown in Y's follow-up and, as the previous period, in Y+1's. An event it cannot read
 * drops every year: better a rebuild too many than a stale document.
 */
@ApplicationScoped
public class FollowUpInvalidation {

    private static final Logger LOG = Logger.getLogger(FollowUpInvalidation.class);

    /** The years an event concerns; empty set: every year. */
    public record Affected(Set<Integer> years) {
        public static final Affected ALL = new Affected(Set.of());

        public boolean all() {
            return years.isEmpty();
        }
    }

    @Inject
    FollowUpService followUp;

    @Inject
    ObjectMapper mapper;

    void on(@ObservesAsync DomainEventReceived event) {
        Affected affected = affected(event, mapper);
        LOG.debugf("%s %s: follow-up of %s dropped", event.type(), event.subject(),
                affected.all() ? "every year" : affected.years());
        if (affected.all()) {
            followUp.cache().invalidateAll();
        } else {
            affected.years().forEach(followUp.cache()::invalidate);
        }
    }

    static Affected affected(DomainEventReceived event, ObjectMapper mapper) {
        JsonNode data;
        try {
            data = event.data() == null ? null : mapper.readTree(event.data());
        } catch (IOException e) {
            return Affected.ALL;
        }
        if (data == null || !data.isObject()) {
            return Affected.ALL;
        }
        if (data.path("year").canConvertToInt() && data.path("year").isIntegralNumber()) {
            return new Affected(Set.of(data.path("year").asInt()));
        }
        if (data.path("periods").isArray() && !data.path("periods").isEmpty()) {
            Set<Integer> years = new TreeSet<>();
            for (JsonNode period : data.path("periods")) {
                String[] interval = period.asText("").split("/");
                try {
                    int end = LocalDate.parse(interval[interval.length - 1]).getYear();
                    years.add(end);
                    years.add(end + 1);
                } catch (RuntimeException e) {
                    return Affected.ALL;
                }
            }
            return new Affected(years);
        }
        return Affected.ALL;
    }
}
