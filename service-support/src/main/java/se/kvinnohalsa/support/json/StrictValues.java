package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Strings and decimals as requests may send them: text that can be stored as sent ({@link Text}) and decimals of a
 * sane magnitude ({@link JsonLimits#saneMagnitude}); anything else is a 400 naming the field.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("strict-values")
                .addDeserializer(String.class, new StrictString())
                .addDeserializer(BigDecimal.class, new BoundedDecimal());
    }

    static final class StrictString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = value == null ? null : Text.problem(value);
            if (problem != null) {
                throw new RejectedValueException(parser, String.class, problem);
            }
            return value;
        }
    }

    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && !JsonLimits.saneMagnitude(value)) {
                throw new RejectedValueException(parser, BigDecimal.class, JsonLimits.magnitudeRule());
            }
            return value;
        }
    }
}
