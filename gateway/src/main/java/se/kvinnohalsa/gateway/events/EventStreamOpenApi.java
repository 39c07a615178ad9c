package se.kvinnohalsa.gateway.events;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;

/**
 * The description of GET /api/v1/events in the gateway's OpenAPI (a Vert.x route, so no annotations describe it).
 * What each audience gets of each event type is written from {@link EventProjection}, so the document says what the
 * code does.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EventStreamOpenApi implements OASFilter {

    static final String TAG = "Live events";
    private static final String SUBMITTED_PUBLIC = """
            retry: 3000

            id: allocation-events:0:42,report-events:0:17,indicator-events:0:5
            event: ready
            data: {"resumed":false,"audience":"public"}

            id: allocation-events:0:42,report-events:0:18,indicator-events:0:5
            event: se.kvinnohalsa.report.submitted.v1
            data: {"id":"5f0c2b9e-1d3a-4c7e-8b6f-2a9d4e1c7b35","type":"se.kvinnohalsa.report.submitted.v1",\
            "source":"/reporting-service","subject":"2024/23","time":"2025-03-20T10:00:00Z","topic":"report-events",\
            "key":"2024/23","data":{"year":2024,"regionCode":"23","submittedAt":"2025-03-20T10:00:00Z","late":false,\
            "spendingSplit":true},"view":"public"}

            """;
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.addTag(OASFactory.createTag().name(TAG).description("Domain events as Server-Sent Events"));
        openAPI.getPaths().addPathItem(EventStream.PATH, OASFactory.createPathItem().GET(operation()));
    }

    static Operation operation() {
        return OASFactory.createOperation()
                .operationId("streamEvents")
                .tags(List.of(TAG))
                .summary("Every domain event as it happens (Server-Sent Events), in the view the caller may see")
                .description(description())
                .parameters(List.of(
                        OASFactory.createParameter().name("Last-Event-ID").in(Parameter.In.HEADER)
                                .description("Resume just after this event: the `id` of the last event received "
                                        + "(browsers' EventSource sends it when it reconnects)")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)),
                        OASFactory.createParameter().name("lastEventId").in(Parameter.In.QUERY)
                                .description("The same, for clients that cannot set the header")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The stream: `retry:`, `event: ready`, then the events and "
                                        + "`: heartbeat` comments")
                                .content(OASFactory.createContent().addMediaType("text/event-stream",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                                .addExample("a submission, public view",
                                                        OASFactory.createExample().value(SUBMITTED_PUBLIC)))))
                        .addAPIResponse("400", problem("Last-Event-ID is not an id of this stream, or the token "
                                + "was sent as access_token in the URL"))
                        .addAPIResponse("401", problem("The bearer token is not valid"))
                        .addAPIResponse("429", problem("The client (token subject, else address) has "
                                + "gateway.events.max-streams-per-client streams open; Retry-After"))
                        .addAPIResponse("503", problem("The gateway has gateway.events.max-clients streams open, or "
                                + "too many clients are catching up on old events; Retry-After")));
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()));
    }

    /** The operation's description, with the table of what each audience gets of each event type. */
    static String description() {
        StringBuilder text = new StringBuilder("""
                Public: no token needed. Each message: `event:` the CloudEvents type, `id:` the stream position \
                (`topic:partition:next-offset,...`), `data:` JSON `{id, type, source, subject, time, topic, key, \
                requestId, data, view}`. The first message, `event: ready`, carries the starting position and \
                `{resumed, audience}`.

                **Who sees what.** Everyone gets every event, in one of two views (`view`): `public` carries only the \
                event's public fields and no `requestId`; `full` carries the whole event. Admins and analysts get \
                every event in full; a reporter gets the events of its own region in full; the registry role gets \
                indicator events in full; everyone else, and everyone for the rest, gets the public view. An event \
                type not listed here has `data: null` in the public view. The same rule holds on resume. \
                Authenticate with `Authorization: Bearer <JWT>`; a token in the URL (`access_token`) is refused, \
                as it would end up in logs: browsers use a fetch-based SSE client, which can send the header.

                | event type | public view (`data` fields) | only in the full view | full view for | why public |
                |---|---|---|---|---|
                """);
        for (EventProjection.Rule rule : EventProjection.rules()) {
            text.append("| `").append(rule.type()).append("` | ").append(String.join(", ", rule.publicFields()))
                    .append(" | ").append(rule.fullOnlyFields().isEmpty()
                            ? "–"
                            : String.join(", ",
                                    rule.fullOnlyFields()))
                    .append(" (and `requestId`) | ").append(rule.scope().fullFor()).append(" | ")
                    .append(rule.publicBecause()).append(" |\n");
        }
        text.append("""

                **Resume and limits.** Reconnect with `Last-Event-ID` and the stream goes on just after it: from \
                the gateway's buffer of recent events, or by a read from Kafka for an older position (as far as \
                Kafka keeps the events). A stream ends cleanly after about `gateway.events.max-lifetime` (or when \
                its token expires): the client reconnects after `retry:` and resumes. A client that leaves more than \
                `gateway.events.max-queued-bytes` unread for longer than `gateway.events.slow-client-grace` is cut \
                off; it too reconnects and resumes. At most `gateway.events.max-streams-per-client` streams per \
                client (token subject, else address; 429) and `gateway.events.max-clients` in all (503).""");
        return text.toString();
    }
}
