package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The published figures shipped as demo data (copies of shared/data): simple CSVs, quoted fields allowed. */
final class DemoCsv {

    private DemoCsv() {
    }

    /** Rows as maps from the header's column names; comment lines (#) skipped. */
    static List<Map<String, String>> read(String file) {
        try (InputStream in = DemoCsv.class.getResourceAsStream("demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("demo data missing: " + file);
            }
            List<List<String>> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(DemoCsv::fields).toList();
            List<String> header = rows.get(0);
            List<Map<String, String>> result = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                LinkedHashMap<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < row.size() ? row.get(i) : "");
                }
                result.add(values);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A JSON string literal. */
    static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String jsonArray(List<String> elements) {
        return elements.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
