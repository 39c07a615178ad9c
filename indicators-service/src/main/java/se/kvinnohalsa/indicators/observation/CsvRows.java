package se.kvinnohalsa.indicators.observation;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import se.kvinnohalsa.support.json.JsonLimits;
import se.kvinnohalsa.support.problem.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV batch (header region_code,period,group,value,numerator,denominator,clinic_min,clinic_max), streamed with
 * Jackson's CSV parser: UTF-8 with or without a BOM, CRLF or LF, quoted fields, # comment lines, blank lines skipped.
 * region_code, period and value columns are required; the others may be left out.
 */
final class CsvRows implements RowSource {

    private static final CsvMapper MAPPER = CsvMapper.builder(CsvFactory.builder()
            // A field is never longer than this; a longer one is refused while parsing, not buffered.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(JsonLimits.MAX_STRING_LENGTH).build())
            .build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final char BOM = '\uFEFF';

    private final MappingIterator<String[]> rows;
    private final Map<Column, Integer> index = new EnumMap<>(Column.class);
    private final int width;
    /** Each column's position in the header (by the column's ordinal), -1 when the header lacks it. */
    private final int[] positions;
    private long row;

    CsvRows(InputStream body) {
        try {
            Reader reader = utf8(body);
            this.rows = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(reader);
            if (!rows.hasNextValue()) {
                throw new MalformedRequestException("body", "is empty: send a CSV with the header "
                        + "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max");
            }
            String[] header = rows.nextValue();
            this.width = header.length;
            readHeader(header);
            this.positions = new int[RawRow.COLUMNS.length];
            for (Column column : RawRow.COLUMNS) {
                positions[column.ordinal()] = index.getOrDefault(column, -1);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private void readHeader(String[] header) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : Column.values()) {
            byName.put(column.csv, column);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip().toLowerCase(Locale.ROOT);
            Column column = byName.get(name);
            if (column == null) {
                errors.add(new FieldError("header", "unknown column '" + abbreviate(header[i]) + "'"));
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("header", "column '" + name + "' appears twice"));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !index.containsKey(column)) {
                errors.add(new FieldError(column.csv, "column missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            throw new MalformedRequestException("The CSV header must name the columns "
                    + "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max "
                    + "(region_code, period and value are required)", errors);
        }
    }

    @Override
    public RawRow next() {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            String[] fields = rows.nextValue();
            row++;
            // The columns' positions in the header, looked up once: a row is one array, no map.
            String[] values = new String[RawRow.COLUMNS.length];
            for (int c = 0; c < positions.length; c++) {
                int i = positions[c];
                if (i >= 0 && i < fields.length && fields[i] != null && !fields[i].isBlank()) {
                    values[c] = fields[i].strip();
                }
            }
            if (fields.length != width) {
                return new RawRow(row, values, List.of(new RowError(row, "row",
                        "has " + fields.length + " fields, the header has " + width)));
            }
            return new RawRow(row, values, List.of());
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private MalformedRequestException notUtf8() {
        return new MalformedRequestException("body", "is not UTF-8 text" + (row > 0 ? " (after row " + row + ")" : ""));
    }

    private MalformedRequestException unreadable(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return new MalformedRequestException("body", "is not readable CSV after row " + row + ": "
                + (newline < 0 ? message : message.substring(0, newline)));
    }

    private static String abbreviate(String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    /** A strict UTF-8 reader (malformed bytes are an error, not replaced) that skips a leading byte order mark. */
    private static Reader utf8(InputStream body) throws IOException {
        Reader decoded = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
        PushbackReader reader = new PushbackReader(decoded, 1);
        int first = reader.read();
        if (first >= 0 && first != BOM) {
            reader.unread(first);
        }
        return reader;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
