package se.kvinnohalsa.allocation.condition;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.support.inbox.EventHandlers;
import se.kvinnohalsa.support.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** Learns from reporting-service which reports were accepted, with or without a workforce plan. */
@ApplicationScoped
public class ReportReviewConsumer {

    static final String CONSUMER = "allocation-service";

    @Inject
    Inbox inbox;

    private final EventHandlers handlers = new EventHandlers().on(ReportReviewedV1.class,
            (event, context) -> apply(event));

    @Incoming("report-events-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(CONSUMER, message, handlers);
    }

    static void apply(ReportReviewedV1 event) {
        ReportReview review = ReportReview.findById(new ReportReview.Key(event.year(), event.regionCode()));
        if (review == null) {
            review = new ReportReview();
            review.year = event.year();
            review.regionCode = event.regionCode();
        } else if (review.reviewedAt.isAfter(event.reviewedAt())) {
            return; // an older review arriving late changes nothing
        }
        review.status = event.status();
        review.hasWorkforcePlan = event.hasWorkforcePlan();
        review.reviewedAt = event.reviewedAt();
        review.persist();
    }
}
