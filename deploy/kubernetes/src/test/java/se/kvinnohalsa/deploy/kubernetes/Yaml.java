package se.kvinnohalsa.deploy.kubernetes;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing (multi-document) YAML as plain maps and lists; deep copies of such trees. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    private Yaml() {
    }

    /** All non-empty documents of a file, each of which must be a mapping. */
    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (MappingIterator<Object> it = MAPPER.readerFor(Object.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                Object doc = it.nextValue();
                if (doc == null) {
                    continue; // a document holding only comments
                }
                if (!(doc instanceof Map)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping: " + doc);
                }
                docs.add(asMap(doc, file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return docs;
    }

    /** The one document of a file. */
    static Map<String, Object> readSingle(Path file) {
        List<Map<String, Object>> docs = readAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected exactly one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    static String writeAll(List<Map<String, Object>> docs) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> doc : docs) {
            try {
                out.append("---\n").append(MAPPER.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected a mapping but found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value, String where) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + ": expected a list but found " + value);
        }
        return (List<Object>) value;
    }

    /** A deep, mutable copy of a tree of maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    /** The value at a dotted path of map keys, or null. */
    static Object at(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
