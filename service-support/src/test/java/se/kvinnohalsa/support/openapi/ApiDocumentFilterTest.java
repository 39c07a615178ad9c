package se.kvinnohalsa.support.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the filter makes of a document, without Quarkus: the model a service's annotations would give. */
class ApiDocumentFilterTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    /** PUT /api/v1/things/{id} takes a ThingRequest and answers a ThingView; GET /api/v1/things is public. */
    private static OpenAPI document() {
        Schema view = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("state", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("OPEN", "CLOSED")))
                .addProperty("line", ref("Line"));
        Schema request = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addRequired("name")
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("share", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)
                        .multipleOf(new BigDecimal("0.1")))
                .addProperty("line", ref("Line"));
        Schema line = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("amountSek", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        Operation put = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref("ThingRequest")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(ref("ThingView")))))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("none")));
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200",
                OASFactory.createAPIResponse().description("ok").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref("ThingView"))))));
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().PUT(put))
                        .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(get)))
                .components(OASFactory.createComponents().addSchema("ThingView", view)
                        .addSchema("ThingRequest", request).addSchema("Line", line));
    }

    @Test
    void anAnswersFieldsAreAllThereAndMayBeNull() {
        OpenAPI document = document();
        new ApiDocumentFilter().filterOpenAPI(document);
        Schema view = document.getComponents().getSchemas().get("ThingView");
        assertEquals(List.of("id", "state", "line"), view.getRequired(), "an answer writes every field");
        assertTrue(view.getProperties().get("id").getType().contains(Schema.SchemaType.NULL));
        assertTrue(view.getProperties().get("state").getEnumeration().contains(null), "null among the enum");
        assertEquals(2, view.getProperties().get("line").getAnyOf().size(), "anyOf [$ref, null]");
    }

    @Test
    void aRequestKeepsItsOwnRequiredFieldsAndASharedSchemaIsNotForced() {
        OpenAPI document = document();
        new ApiDocumentFilter().filterOpenAPI(document);
        Schema request = document.getComponents().getSchemas().get("ThingRequest");
        assertEquals(List.of("name"), request.getRequired());
        assertEquals(List.of(Schema.SchemaType.STRING), request.getProperties().get("name").getType(),
                "a required field is not nullable");
        List<String> lineRequired = document.getComponents().getSchemas().get("Line").getRequired();
        assertTrue(lineRequired == null || lineRequired.isEmpty(), "Line is asked and answered: not forced");
        Schema share = request.getProperties().get("share");
        assertNull(share.getMultipleOf());
        assertTrue(share.getDescription().contains("At most 1 decimal"));
    }

    @Test
    void errorsAreProblemJsonSecurityIsDeclaredAndABodyMayBeRefused() {
        OpenAPI document = document();
        new ApiDocumentFilter().filterOpenAPI(document);
        Operation put = document.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
        assertNotNull(put.getResponses().getAPIResponse("415"), "a body of another Content-Type");
        var notFound = put.getResponses().getAPIResponse("404").getContent().getMediaType("application/problem+json");
        assertEquals("#/components/schemas/Problem", notFound.getSchema().getRef());
        assertEquals("#/components/examples/Problem404", notFound.getExamples().get("Problem404").getRef());
        assertNotNull(document.getComponents().getSchemas().get("Problem"), "the shared schema is added");
        assertEquals(List.of(), document.getPaths().getPathItem("/api/v1/things").getGET().getSecurity(),
                "public says so");
    }
}
