package se.kvinnohalsa.support.deadletter;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;
import java.util.Map;

/**
 * For ops, beside {@code /admin/outbox/replay}: what this service's consumers sent to a dead-letter topic, and sending
 * it back through the consumer once the cause is fixed. Admins only.
 */
@Path("/admin/dead-letters")
@Tag(name = "Operations")
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeadLetterResource {

    /** Kafka unreachable: worth trying again shortly. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "The incoming channels with a dead-letter topic (admin)")
    public List<DeadLetterChannel> channels() {
        return deadLetters.channels();
    }

    @GET
    @Path("/{topic}")
    @Operation(summary = "What sits on a dead-letter topic for this service's consumer (admin)", description = "Oldest first, at most support.dead-letters.max-listed (the newest). Each record: "
            + "its CloudEvent id, type and subject, why it was dead-lettered, where it came from, and whether the "
            + "consumer has applied the event since (applied).")
    @APIResponse(responseCode = "200", description = "The listing")
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic of this service")
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time; Retry-After says when to try again")
    public DeadLetterListing list(@PathParam("topic") String topic,
            @QueryParam("pending") @DefaultValue("false") boolean pendingOnly) {
        requireKnown(topic);
        return deadLetters.list(topic, pendingOnly);
    }

    @POST
    @Path("/{topic}/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send dead letters back through this service's consumer (admin)", description = "Once the cause is fixed: the named events ({\"eventIds\": [...]}), or without a body every "
            + "one the consumer has not applied, go back to the topic they came from with their CloudEvent id. "
            + "Only this service's consumer applies them (other consumers of the topic pass them by), at most once.")
    @APIResponse(responseCode = "200", description = "{redriven, alreadyApplied, notFound}")
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic of this service")
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time; Retry-After says when to try again")
    public RedriveResult redrive(@PathParam("topic") String topic, RedriveRequest request) {
        requireKnown(topic);
        return deadLetters.redrive(topic, request == null ? null : request.eventIds());
    }

    private void requireKnown(String topic) {
        if (deadLetters.channelOf(topic).isEmpty()) {
            throw new NotFoundException("No incoming channel of this service has the dead-letter topic " + topic);
        }
    }

    @ServerExceptionMapper
    public Response unavailable(KafkaUnavailableException e, UriInfo uri) {
        return SecurityProblems.problem(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "Service Unavailable",
                e.getMessage(), uri.getPath(), Map.of()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
