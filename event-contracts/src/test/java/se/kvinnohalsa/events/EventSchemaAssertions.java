package se.kvinnohalsa.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For producers' tests (shipped in this module's test-jar): the data of an event read from Kafka validates against
 * the JSON Schema of its CloudEvents type, the schema its consumers rely on.
 */
public final class EventSchemaAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaAssertions() {
    }

    /** Throws AssertionError listing every violation when the data does not match the schema of the type. */
    public static void assertMatchesSchema(String type, String data) {
        Set<ValidationMessage> errors;
        try {
            errors = schema(type).validate(JSON.readTree(data));
        } catch (IOException e) {
            throw new AssertionError(type + ": data is not JSON: " + data, e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " does not match its schema: " + errors + "\n" + data);
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemaAssertions.class.getResourceAsStream(EventCatalog.schemaResource(t))) {
                if (in == null) {
                    throw new AssertionError("no schema for event type " + t);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
