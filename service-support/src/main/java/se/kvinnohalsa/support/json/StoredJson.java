package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.UncheckedIOException;

/**
 * JSON a service stored itself and reads back later, when its type may have changed since: read leniently (a field
 * the type has lost is ignored, one it has gained is left at its default), while requests stay strict
 * ({@link StrictJson}) and what is stored was written from a request that passed them. A stored document stays
 * readable across such changes instead of failing every read of it with a 500.
 */
public final class StoredJson {

    private StoredJson() {
    }

    /** A reader for stored documents of the type, from the service's (strict) mapper. */
    public static ObjectReader readerFor(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return readerFor(mapper, type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    /** Written with the service's mapper, so exactly what a strict read accepts. */
    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }
}
