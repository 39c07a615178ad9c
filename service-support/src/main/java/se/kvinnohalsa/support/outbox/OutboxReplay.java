package se.kvinnohalsa.support.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * For ops: publish again every event this service wrote since a point in time (same CloudEvent ids, so idempotent
 * consumers that already applied them change nothing; a consumer rebuilt from scratch gets them all).
 * {@code POST /admin/outbox/replay?since=2025-01-01T00:00:00Z} with an admin token.
 */
@Path("/admin/outbox/replay")
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class OutboxReplay {

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @POST
    @RolesAllowed("admin")
    @Tag(name = "Outbox Replay")
    @Operation(operationId = "replayOutbox", summary = "Publish the service's stored events again (admins, operations only)", description = "Every event stored since the given instant goes to Kafka once more; consumers are idempotent (inbox), so a replay changes nothing they applied already.")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> replay(@QueryParam("since") String since) {
        Instant from;
        try {
            from = Instant.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since: an ISO 8601 instant such as 2025-01-01T00:00:00Z is required");
        }
        int count = entityManager.createQuery("UPDATE OutboxEvent SET sentAt = NULL WHERE createdAt >= :from")
                .setParameter("from", from).executeUpdate();
        relay.wakeUp();
        return Map.of("since", from.toString(), "requeued", count);
    }
}
