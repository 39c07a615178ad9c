package se.kvinnohalsa.support.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import se.kvinnohalsa.support.problem.SecurityProblems;

/**
 * Documents the {@code Idempotency-Key} header on every POST of the service's OpenAPI (and so in the gateway's merged
 * one), with the answers it can bring.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    /** 255 characters of key and the two quotes of a Structured Fields string. */
    private static final int MAX_HEADER_LENGTH = 257;

    /** The problem+json schema every service's error answers share (quarkus-resteasy-problem's). */
    private static final String PROBLEM_SCHEMA = "HttpProblem";
    /** The examples of its answers, in the shared components (shared-components.yaml of openapi.ApiDocumentFilter). */
    private static final String IN_FLIGHT = "#/components/examples/IdempotencyKeyInFlight";
    private static final String REUSED = "#/components/examples/IdempotencyKeyReused";

    static final String DESCRIPTION = "Makes a retry safe: the first request with a key is carried out and its answer "
            + "kept for at least 24 hours (support.idempotency.keep); the same key with the same request (method, "
            + "path, query, media type and body) gets that answer again (same status, headers and body, with "
            + "Idempotent-Replayed: true) without doing anything twice. The same key with another request is 422; "
            + "while the first request is still being carried out, 409 with Retry-After. Keys belong to the caller "
            + "(the token's subject). A Structured Fields string, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\" "
            + "(quotes optional), 1-255 visible ASCII characters. Answers 2xx, 400, 412, 422 and 428 are kept; "
            + "others (e.g. 401, 403, 404, 409, 503) are not, and a retry is carried out anew.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation post = item.getPOST();
            if (post == null || hasHeader(post)) {
                continue;
            }
            post.addParameter(OASFactory.createParameter().name(IdempotencyKeys.HEADER).in(Parameter.In.HEADER)
                    .required(false).description(DESCRIPTION)
                    .schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .maxLength(MAX_HEADER_LENGTH))
                    .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
            if (post.getResponses() != null) {
                if (post.getResponses().getAPIResponse("409") == null) {
                    post.getResponses().addAPIResponse("409",
                            problem("A request with the same Idempotency-Key is still being carried out", "in flight",
                                    IN_FLIGHT));
                }
                if (post.getResponses().getAPIResponse("422") == null) {
                    post.getResponses().addAPIResponse("422", problem(
                            "The Idempotency-Key was used before for another request", "key reused", REUSED));
                }
            }
        }
    }

    /** A problem+json answer in the shared problem schema, with the example it names. */
    private static APIResponse problem(String description, String exampleName, String exampleRef) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(SecurityProblems.PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                                .addExample(exampleName, OASFactory.createExample().ref(exampleRef))));
    }

    private static boolean hasHeader(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(
                        p -> IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }
}
