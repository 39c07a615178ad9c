package se.kvinnohalsa.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * v1 clients never break (issue 18.4): the document the services serve now (its copy in the repository, kept equal to
 * what they serve by OpenApiLintIT) neither removes nor narrows anything of the published v1 document, as openapi-diff
 * judges it. Adding is free; a deliberate break needs a v2, not an edit of the published copy.
 */
class OpenApiCompatibilityTest {

    static final Path PUBLISHED = Path.of("src/test/resources/openapi/kvinnohalsa-api-v1-published.json");
    static final Path CURRENT = Path.of("src/test/resources/openapi/kvinnohalsa-api.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCurrentDocumentKeepsEverythingOfThePublishedV1() throws IOException {
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(PUBLISHED), Files.readString(CURRENT));
        // The report is made only on failure: openapi-diff's renderer fails on some compatible changes (an example
        // that became a $ref to a component changes a media type but not its schema).
        assertFalse(diff.isIncompatible(),
                () -> "breaking changes against the published v1 document:\n" + render(diff));
    }

    @Test
    void aRemovedEndpointIsABreakingChange() throws IOException {
        ObjectNode changed = (ObjectNode) JSON.readTree(PUBLISHED.toFile());
        ((ObjectNode) changed.get("paths")).remove("/api/v1/regions");
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(PUBLISHED),
                JSON.writeValueAsString(changed));
        assertTrue(diff.isIncompatible(), render(diff));
        assertTrue(diff.getMissingEndpoints().stream().anyMatch(e -> e.getPathUrl().equals("/api/v1/regions")));
    }

    @Test
    void aRemovedResponseFieldIsABreakingChange() throws IOException {
        ObjectNode changed = (ObjectNode) JSON.readTree(PUBLISHED.toFile());
        JsonNode properties = changed.at("/components/schemas/DecisionView/properties");
        assertTrue(properties.has("totalSek"), "the field this test removes");
        ((ObjectNode) properties).remove("totalSek");
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(PUBLISHED),
                JSON.writeValueAsString(changed));
        assertTrue(diff.isIncompatible(), render(diff));
    }

    @Test
    void aNewRequiredRequestFieldIsABreakingChangeButANewOptionalOneIsNot() throws IOException {
        ObjectNode required = (ObjectNode) JSON.readTree(PUBLISHED.toFile());
        ObjectNode request = (ObjectNode) required.at("/components/schemas/DecisionRequest");
        ((ObjectNode) request.get("properties")).putObject("approvedBy").put("type", "string");
        String optional = JSON.writeValueAsString(required);
        assertFalse(OpenApiCompare.fromContents(Files.readString(PUBLISHED), optional).isIncompatible(),
                "an optional field more is compatible");
        request.withArray("required").add("approvedBy");
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(PUBLISHED),
                JSON.writeValueAsString(required));
        assertTrue(diff.isIncompatible(), render(diff));
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return e.toString();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
