package se.kvinnohalsa.indicators.observation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.kvinnohalsa.support.json.JsonLimits;
import se.kvinnohalsa.support.problem.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of observations, streamed: one item is parsed at a time. Item fields of the wrong JSON type are row
 * errors (strictly: "90.1" is not a number, 12.0 is not a whole number), not a failure of the whole batch.
 */
final class JsonRows implements RowSource {

    private static final Map<String, Column> BY_NAME = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            BY_NAME.put(column.json, column);
        }
    }

    private final JsonParser parser;
    private long row;

    JsonRows(ObjectMapper mapper, InputStream body) {
        try {
            this.parser = mapper.getFactory().createParser(body);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedRequestException("body", "is empty: send a JSON array of observations");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedRequestException("body", "must be a JSON array of observations, e.g. "
                        + "[{\"regionCode\": \"01\", \"period\": \"2023-08-01/2024-07-31\", \"value\": 86.2}]");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RawRow next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    throw new MalformedRequestException("body", "has content after the end of the array");
                }
                return null;
            }
            if (token == null) {
                throw new MalformedRequestException("body", "ends before the array is closed");
            }
            row++;
            JsonNode node = parser.readValueAsTree();
            return toRow(row, node);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawRow toRow(long row, JsonNode node) {
        Map<Column, String> fields = new EnumMap<>(Column.class);
        List<RowError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new RowError(row, "row", "must be a JSON object with regionCode, period, value ..."));
            return RawRow.of(row, fields, errors);
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            Column column = BY_NAME.get(field.getKey());
            JsonNode value = field.getValue();
            if (column == null) {
                errors.add(new RowError(row, field.getKey(), "unknown field"));
            } else if (value.isNull()) {
                continue;
            } else if (column == Column.REGION_CODE || column == Column.PERIOD || column == Column.GROUP) {
                if (value.isTextual()) {
                    String text = value.asText().strip();
                    if (!text.isEmpty()) {
                        fields.put(column, text);
                    }
                } else {
                    errors.add(new RowError(row, column.json, "expected a string"));
                }
            } else if (column == Column.NUMERATOR || column == Column.DENOMINATOR) {
                if (value.isIntegralNumber()) {
                    fields.put(column, value.bigIntegerValue().toString());
                } else {
                    errors.add(new RowError(row, column.json, "expected a whole number"));
                }
            } else if (value.isNumber()) {
                // Checked before it is written out: the plain form of 1e999999999 is a billion characters.
                BigDecimal number = value.decimalValue();
                if (JsonLimits.saneMagnitude(number)) {
                    fields.put(column, number.toPlainString());
                } else {
                    errors.add(new RowError(row, column.json, JsonLimits.magnitudeRule()));
                }
            } else {
                errors.add(new RowError(row, column.json, "expected a number"));
            }
        }
        return RawRow.of(row, fields, errors);
    }

    private MalformedRequestException malformed(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            return new MalformedRequestException("The body has a value beyond this API's limits"
                    + (row > 0 ? " after row " + row : ""),
                    List.of(new FieldError("body", JsonLimits.describe(limit))));
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return new MalformedRequestException(
                "The body is not well-formed JSON" + where + (row > 0 ? " after row " + row : ""),
                List.of(new FieldError("body", "malformed JSON" + where)));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
