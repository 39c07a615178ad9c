package se.kvinnohalsa.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoredJsonTest {

    /** The type as it is now: "renamed" was dropped since, "count" and "tags" were added. */
    record Document(String title, int count, List<String> tags) {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aDocumentStoredBeforeTheTypeChangedIsStillRead() {
        String stored = "{\"title\": \"Rapport\", \"renamed\": \"gone\"}";
        assertEquals(new Document("Rapport", 0, null), StoredJson.read(strict(), stored, Document.class));
    }

    @Test
    void requestsStayStrict() {
        assertThrows(UnrecognizedPropertyException.class, () -> strict()
                .readValue("{\"title\": \"x\", \"count\": 1, \"renamed\": \"y\"}", Document.class));
        assertThrows(MismatchedInputException.class,
                () -> strict().readValue("{\"title\": \"x\"}", Document.class), "a missing number is no 0");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Document document = new Document("Rapport", 3, List.of("a"));
        assertEquals(document, StoredJson.read(strict(), StoredJson.write(strict(), document), Document.class));
    }
}
