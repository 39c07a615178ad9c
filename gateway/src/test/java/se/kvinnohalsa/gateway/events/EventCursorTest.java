package se.kvinnohalsa.gateway.events;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCursorTest {

    @Test
    void roundTripsThroughItsTextAndMovesPastAnEvent() {
        EventCursor cursor = EventCursor.parse("report-events:0:4,allocation-events:1:17");
        EventCursor moved = cursor.after(new TopicPartition("report-events", 0), 9);
        assertEquals("allocation-events:1:17,report-events:0:10", moved.toString());
        assertEquals(moved, EventCursor.parse(moved.toString()));
        assertEquals("allocation-events:1:17,report-events:0:4", cursor.toString(), "immutable");
    }

    @Test
    void topicNamesMayHoldColons() {
        EventCursor cursor = EventCursor.parse("a:b:2:3");
        assertEquals(3L, cursor.next().get(new TopicPartition("a:b", 2)));
    }

    @Test
    void noIdIsAnEmptyCursor() {
        assertTrue(EventCursor.parse(null).isEmpty());
        assertTrue(EventCursor.parse(" ").isEmpty());
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[]{"garbage", "topic:0", "topic:x:1", "topic:0:-1", ":0:1", "t:0:1,,t:1:2"}) {
            assertThrows(IllegalArgumentException.class, () -> EventCursor.parse(bad), bad);
        }
    }
}
