package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly, so that nothing a client sent is silently changed or dropped: 1.5 is not a
 * whole-krona amount (Jackson would truncate it to 1), null is not 0, "1" is not a number, an unknown field
 * (a typo such as "amountSEK") is an error, not ignored, and a field given twice is an error, not "the last one
 * wins". Each is a 400 naming the field. Sizes are bounded while parsing ({@link JsonLimits}): a 10,000-digit
 * number, 1e999999999, a string of megabytes or arrays nested thousands deep are refused at once.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for a mapper made outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                .maxStringLength(JsonLimits.MAX_STRING_LENGTH)
                .maxNameLength(JsonLimits.MAX_NAME_LENGTH)
                .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail);
        mapper.registerModule(StrictValues.module());
        return mapper;
    }
}
