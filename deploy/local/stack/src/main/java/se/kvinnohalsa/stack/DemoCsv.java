package se.kvinnohalsa.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published figures shipped as demo data (copies of shared/data): CSVs with a header row, quoted fields and
 * comment lines (#). The one reader of them, for the demo data loader and the services' tests alike.
 */
public final class DemoCsv {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader().withComments();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCsv() {
    }

    /** Rows as maps from the header's column names, in the header's order; a missing trailing field is "". */
    public static List<Map<String, String>> read(String file) {
        try (InputStream in = DemoCsv.class.getResourceAsStream("demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("demo data missing: " + file);
            }
            MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(WITH_HEADER)
                    .readValues(in);
            List<String> header = null;
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                if (header == null) {
                    header = ((CsvSchema) rows.getParserSchema()).getColumnNames();
                }
                Map<String, String> complete = new LinkedHashMap<>();
                for (String column : header) {
                    complete.put(column, row.getOrDefault(column, ""));
                }
                result.add(complete);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo data " + file, e);
        }
    }

    /** A JSON string literal. */
    static String json(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String jsonArray(List<String> elements) {
        return elements.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
