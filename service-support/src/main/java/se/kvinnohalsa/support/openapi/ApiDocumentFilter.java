package se.kvinnohalsa.support.openapi;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's (and the gateway's) OpenAPI document has in common, so that a resource only says what is its
 * own: an error response is problem+json of the shared {@code Problem} schema (META-INF/openapi.yaml of this module)
 * and, unless the operation shows its own, a shared example of that status; an operation without a security
 * requirement is public and says so ({@code security: []}), so that no operation leaves it open to guess. The shared
 * schemas, examples and tags come from {@code shared-components.yaml} beside this class: SmallRye reads static files
 * only from the application itself, not from a library like this one.
 */
public class ApiDocumentFilter implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** The shared examples are named Problem400, Problem401, ... (META-INF/openapi.yaml of this module). */
    static final String EXAMPLE_PREFIX = "Problem";
    private static final int FIRST_ERROR = 400;
    /** quarkus-resteasy-problem's own schemas, whose shapes are not what the services send. */
    private static final Set<String> REPLACED_SCHEMAS = Set.of("#/components/schemas/HttpProblem",
            "#/components/schemas/HttpValidationProblem");
    private static final String SHARED = "shared-components.yaml";
    private static final String UNSUPPORTED = "415";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        addShared(openAPI, shared());
        if (openAPI.getComponents().getSchemas() != null) {
            Set<String> answered = answeredOnly(openAPI);
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                boolean ownRequired = schema.getRequired() != null && !schema.getRequired().isEmpty();
                nullableUnlessRequired(schema);
                if (answered.contains(name) && schema.getProperties() != null && !ownRequired) {
                    // Every field of an answer (a record) is always there, null or not: clients may rely on it, and
                    // removing one is a breaking change the v1 check sees (OpenApiCompatibilityTest). Schemas that
                    // say what is required themselves (Problem, the static ones) are left as they are.
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
            });
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Example> shared = openAPI.getComponents() == null
                ? Map.of()
                : openAPI.getComponents().getExamples() == null ? Map.of() : openAPI.getComponents().getExamples();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(new ArrayList<>());
                }
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                if (operation.getRequestBody() != null && !operation.getResponses().hasAPIResponse(UNSUPPORTED)) {
                    // JAX-RS answers it for every method that @Consumes: a body of another Content-Type.
                    operation.getResponses().addAPIResponse(UNSUPPORTED, OASFactory.createAPIResponse()
                            .description("A Content-Type other than the request body's"));
                }
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (isError(code) && response.getRef() == null) {
                        problem(code, response, shared);
                    }
                });
            }
        }
    }

    /** The shared components as a model of their own: no filters, no annotations, no configuration of the service. */
    static OpenAPI shared() {
        return SmallRyeOpenAPI.builder().withConfig(new SmallRyeConfigBuilder().build())
                .withApplicationClassLoader(ApiDocumentFilter.class.getClassLoader())
                .withCustomStaticFile(() -> {
                    InputStream file = ApiDocumentFilter.class.getResourceAsStream(SHARED);
                    if (file == null) {
                        throw new IllegalStateException(SHARED + " is missing beside " + ApiDocumentFilter.class);
                    }
                    return file;
                })
                .enableModelReader(false).enableStandardStaticFiles(false).enableAnnotationScan(false)
                .enableStandardFilter(false).build().model();
    }

    /** What the document does not define itself (a service may refine a shared example under the same name). */
    static void addShared(OpenAPI openAPI, OpenAPI shared) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components ours = openAPI.getComponents();
        Components theirs = shared.getComponents();
        if (theirs.getSchemas() != null) {
            theirs.getSchemas().forEach((name, schema) -> {
                if (ours.getSchemas() == null || !ours.getSchemas().containsKey(name)) {
                    ours.addSchema(name, schema);
                }
            });
        }
        if (theirs.getExamples() != null) {
            theirs.getExamples().forEach((name, example) -> {
                if (ours.getExamples() == null || !ours.getExamples().containsKey(name)) {
                    ours.addExample(name, example);
                }
            });
        }
        if (shared.getTags() != null) {
            for (Tag tag : shared.getTags()) {
                boolean known = openAPI.getTags() != null
                        && openAPI.getTags().stream().anyMatch(t -> t.getName().equals(tag.getName()));
                if (known) {
                    openAPI.getTags().stream().filter(t -> t.getName().equals(tag.getName()))
                            .filter(t -> t.getDescription() == null)
                            .forEach(t -> t.setDescription(tag.getDescription()));
                } else if (used(openAPI, tag.getName())) {
                    openAPI.addTag(tag);
                }
            }
        }
    }

    /**
     * The services write every field of a record, null or not (Jackson's default), so a field that is not required may
     * be null: OpenAPI 3.1 says so with the type {@code null} (and null among an enum's values, and
     * {@code anyOf [$ref, null]} for a field of another schema). Without it, every null in an answer breaks its schema.
     * A fraction as {@code multipleOf} (from {@code @Digits}) becomes a description: validators divide in binary
     * floating point, so 94.3 is not a multiple of 0.1 to them.
     */
    static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : new ArrayList<>(schema.getProperties().entrySet())) {
            Schema property = entry.getValue();
            decimals(property);
            if (required.contains(entry.getKey())) {
                continue;
            }
            if (property.getRef() != null) {
                schema.addProperty(entry.getKey(), OASFactory.createSchema().description(property.getDescription())
                        .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            } else if (property.getType() != null && !property.getType().isEmpty()
                    && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
                if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                    List<Object> values = new ArrayList<>(property.getEnumeration());
                    values.add(null);
                    property.setEnumeration(values);
                }
            }
        }
    }

    private static void decimals(Schema property) {
        BigDecimal step = property.getMultipleOf();
        if (step != null && step.compareTo(BigDecimal.ONE) < 0) {
            property.setMultipleOf(null);
            String decimals = "At most " + step.stripTrailingZeros().scale() + " decimal(s).";
            property.setDescription(
                    property.getDescription() == null ? decimals : property.getDescription() + " " + decimals);
        }
    }

    /** The component schemas that only answers use (not a request body or a parameter), transitively. */
    static Set<String> answeredOnly(OpenAPI openAPI) {
        Set<String> answered = new HashSet<>();
        Set<String> asked = new HashSet<>();
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return answered;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> reach(m.getSchema(), schemas, asked));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> reach(p.getSchema(), schemas, asked));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                            response.getContent().getMediaTypes().values()
                                    .forEach(m -> reach(m.getSchema(), schemas, answered));
                        }
                    }
                }
            }
        }
        answered.removeAll(asked);
        return answered;
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (reached.add(name)) {
                reach(schemas.get(name), schemas, reached);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, reached));
        }
        reach(schema.getItems(), schemas, reached);
        reach(schema.getAdditionalPropertiesSchema(), schemas, reached);
        for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (alternatives != null) {
                alternatives.forEach(a -> reach(a, schemas, reached));
            }
        }
    }

    private static boolean used(OpenAPI openAPI, String tag) {
        return openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null
                && openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(path -> path.getOperations().values().stream())
                        .anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(tag));
    }

    private static boolean isError(String code) {
        try {
            return Integer.parseInt(code) >= FIRST_ERROR;
        } catch (NumberFormatException e) {
            return false; // "default"
        }
    }

    private static void problem(String code, APIResponse response, Map<String, Example> shared) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.getMediaTypes() != null) {
            // Whatever another filter assumed (application/json), errors are problem+json.
            for (String type : new ArrayList<>(content.getMediaTypes().keySet())) {
                if (!PROBLEM_JSON.equals(type)) {
                    MediaType moved = content.getMediaType(type);
                    content.removeMediaType(type);
                    if (!content.hasMediaType(PROBLEM_JSON)) {
                        content.addMediaType(PROBLEM_JSON, moved);
                    }
                }
            }
        }
        MediaType problem = content.getMediaType(PROBLEM_JSON);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getSchema() == null || REPLACED_SCHEMAS.contains(problem.getSchema().getRef())) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
        String example = EXAMPLE_PREFIX + code;
        if ((problem.getExamples() == null || problem.getExamples().isEmpty()) && shared.containsKey(example)) {
            problem.addExample(example, OASFactory.createExample().ref("#/components/examples/" + example));
        }
    }
}
