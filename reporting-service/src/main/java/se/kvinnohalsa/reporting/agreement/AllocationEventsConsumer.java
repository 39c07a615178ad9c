package se.kvinnohalsa.reporting.agreement;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.reporting.region.Region;
import se.kvinnohalsa.support.inbox.EventContext;
import se.kvinnohalsa.support.inbox.EventHandlers;
import se.kvinnohalsa.support.inbox.Inbox;
import se.kvinnohalsa.support.inbox.PoisonEventException;
import se.kvinnohalsa.support.money.Kronor;

import java.util.concurrent.CompletionStage;

/**
 * Keeps reporting's own copy of agreements (deadline, focus areas) and published allocations, so that reports can
 * be checked and summed while allocation-service is down. Delivery is at least once and may be out of order: the
 * inbox drops redeliveries, an older agreement event (by CloudEvents time) or allocation version changes nothing.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    static final String CONSUMER = "reporting-service";
    private static final Logger LOG = Logger.getLogger(AllocationEventsConsumer.class);

    @Inject
    Inbox inbox;

    private final EventHandlers handlers = new EventHandlers()
            .on(AgreementChangedV1.class, AllocationEventsConsumer::apply)
            .on(AllocationPublishedV1.class, (event, context) -> apply(event));

    @Incoming("allocation-events-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(CONSUMER, message, handlers);
    }

    static void apply(AgreementChangedV1 event, EventContext context) {
        if (event.reportingDeadline() == null || event.title() == null || event.focusAreas() == null) {
            throw new PoisonEventException("agreement.changed without reportingDeadline, title or focusAreas");
        }
        if (!Kronor.withinBounds(event.totalSek())) {
            throw new PoisonEventException("agreement.changed with totalSek " + event.totalSek() + " out of bounds");
        }
        KnownAgreement agreement = KnownAgreement.findById(event.year());
        if (agreement == null) {
            agreement = new KnownAgreement();
            agreement.year = event.year();
        } else if (agreement.changedAt != null && context.time() != null
                && context.time().isBefore(agreement.changedAt)) {
            LOG.infof("older agreement.changed for %d ignored", event.year());
            return;
        }
        agreement.title = event.title();
        agreement.totalSek = event.totalSek();
        agreement.reportingDeadline = event.reportingDeadline();
        agreement.changedAt = context.time();
        agreement.focusAreas.clear();
        for (AgreementChangedV1.FocusArea area : event.focusAreas()) {
            agreement.focusAreas.add(new KnownAgreement.FocusArea(area.code(), area.name()));
        }
        agreement.persist();
    }

    static void apply(AllocationPublishedV1 event) {
        if (event.regions() == null || event.publishedAt() == null) {
            throw new PoisonEventException("allocation.published without regions or publishedAt");
        }
        for (AllocationPublishedV1.RegionAllocation region : event.regions()) {
            if (region.regionCode() == null || Region.findById(region.regionCode()) == null) {
                throw new PoisonEventException("allocation.published names an unknown region: " + region.regionCode());
            }
            if (!Kronor.withinBounds(region.totalSek())) {
                throw new PoisonEventException("allocation.published with totalSek " + region.totalSek() + " for "
                        + region.regionCode() + " out of bounds");
            }
            RegionAllocation allocation = RegionAllocation
                    .findById(new RegionAllocation.Key(event.year(), region.regionCode()));
            if (allocation == null) {
                allocation = new RegionAllocation();
                allocation.year = event.year();
                allocation.regionCode = region.regionCode();
            } else if (allocation.version >= event.version()) {
                continue; // the same or an older version arriving late changes nothing
            }
            allocation.version = event.version();
            allocation.totalSek = region.totalSek();
            allocation.publishedAt = event.publishedAt();
            allocation.persist();
        }
    }
}
