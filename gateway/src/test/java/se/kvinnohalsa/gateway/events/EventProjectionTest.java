package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFieldOfEveryEventTypeIsEitherPublicOrFullOnly() {
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            EventProjection.Rule rule = EventProjection.rule(EventCatalog.typeOf(type))
                    .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no projection rule"));
            Set<String> fields = new HashSet<>(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).toList());
            List<String> classified = new ArrayList<>(rule.publicFields());
            classified.addAll(rule.fullOnlyFields());
            assertEquals(fields, new HashSet<>(classified),
                    type.getSimpleName() + ": a field added to the event must be classified public or full-only");
            assertEquals(classified.size(), new HashSet<>(classified).size(), "no field is both");
        }
        assertEquals(EventCatalog.ALL.size(), EventProjection.rules().size());
    }

    @Test
    void thePublicViewKeepsOnlyThePublicFields() throws Exception {
        for (DomainEvent event : TestEvents.everyType("23")) {
            JsonNode full = JSON.readTree(EventJson.write(event));
            JsonNode shown = EventProjection.publicData(event.type(), full);
            EventProjection.Rule rule = EventProjection.rule(event.type()).orElseThrow();
            List<String> names = new ArrayList<>();
            shown.fieldNames().forEachRemaining(names::add);
            assertEquals(rule.publicFields(), names, event.type());
            for (String name : names) {
                assertEquals(full.get(name), shown.get(name), event.type() + "." + name);
            }
        }
    }

    @Test
    void aReviewersCommentAndNameAndAReportsFiguresAreNeverPublic() throws Exception {
        for (DomainEvent event : TestEvents.everyType("23")) {
            String shown = EventProjection.publicData(event.type(), JSON.readTree(EventJson.write(event))).toString();
            for (String secret : List.of("comment", "reviewedBy", "totalSpentSek", "postpartumVisitSharePercent",
                    "batchId", "granskare", "Activities lack")) {
                assertFalse(shown.contains(secret), event.type() + " shows " + secret + ": " + shown);
            }
        }
    }

    @Test
    void anUnknownTypeOrDataThatIsNotAnObjectShowsNothing() throws Exception {
        assertTrue(EventProjection.publicData("se.kvinnohalsa.secret.v9", JSON.readTree("{\"comment\": \"x\"}"))
                .isNull());
        assertTrue(EventProjection.publicData(null, JSON.readTree("{\"year\": 2024}")).isNull());
        assertTrue(EventProjection.publicData("se.kvinnohalsa.report.reviewed.v1", JSON.readTree("\"text\""))
                .isNull());
    }
}
