package se.kvinnohalsa.events;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every topic an event type is published to has exactly one owner, whose source the consumers check. */
class TopicsTest {

    @Test
    void everyEventTypesTopicHasAnOwner() {
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            String topic = EventCatalog.topicOf(type);
            assertTrue(Topics.ownerOf(topic).isPresent(), type.getSimpleName() + " on " + topic);
        }
        Set<String> used = EventCatalog.ALL.stream().map(EventCatalog::topicOf).collect(Collectors.toSet());
        assertEquals(used, Topics.OWNERS.keySet(), "no owner for a topic nobody publishes to");
    }

    @Test
    void ownersAreTheServicesOutboxSources() {
        assertEquals(Optional.of("/allocation-service"), Topics.ownerOf(Topics.ALLOCATION_EVENTS));
        assertEquals(Optional.of("/reporting-service"), Topics.ownerOf(Topics.REPORT_EVENTS));
        assertEquals(Optional.of("/indicators-service"), Topics.ownerOf(Topics.INDICATOR_EVENTS));
        assertEquals(Optional.empty(), Topics.ownerOf(Topics.deadLetter(Topics.REPORT_EVENTS)));
        assertEquals(Optional.empty(), Topics.ownerOf(null));
        assertEquals(3, Set.copyOf(Topics.OWNERS.values()).size(), "one owner per topic, each a different service");
    }
}
