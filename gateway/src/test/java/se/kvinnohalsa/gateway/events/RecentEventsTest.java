package se.kvinnohalsa.gateway.events;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentEventsTest {

    private static final TopicPartition REPORTS = new TopicPartition("report-events", 0);
    private static final TopicPartition INDICATORS = new TopicPartition("indicator-events", 0);
    private static final List<String> TOPICS = List.of("report-events", "indicator-events");

    private static RecentEvents.Read read(TopicPartition partition, long offset) {
        return new RecentEvents.Read(partition, offset,
                new StreamedEvent.Content("t", null, "{\"n\": " + offset + "}", "{\"full\": " + offset + "}"));
    }

    @Test
    void eventsGetTheGatewaysOrderAndThePositionAfterThem() {
        RecentEvents recent = new RecentEvents(TOPICS, 100, 1_000_000);
        recent.partitionAdded(REPORTS, 10);
        recent.partitionAdded(INDICATORS, 0);
        List<StreamedEvent> appended = recent.append(List.of(read(REPORTS, 10), read(INDICATORS, 0)));
        assertEquals(List.of(1L, 2L), appended.stream().map(StreamedEvent::seq).toList());
        assertEquals("indicator-events:0:0,report-events:0:11", appended.get(0).id());
        assertEquals("indicator-events:0:1,report-events:0:11", appended.get(1).id());
        assertEquals(appended.get(1).after(), recent.position());
    }

    @Test
    void aResumeWithinTheBufferGetsExactlyWhatCameAfterItsPosition() {
        RecentEvents recent = new RecentEvents(TOPICS, 100, 1_000_000);
        recent.partitionAdded(REPORTS, 10);
        recent.partitionAdded(INDICATORS, 0);
        recent.append(List.of(read(REPORTS, 10), read(INDICATORS, 0), read(REPORTS, 11), read(INDICATORS, 1)));
        RecentEvents.Snapshot snapshot = recent.snapshot(EventCursor.parse("report-events:0:11,indicator-events:0:0"));
        assertEquals(List.of("indicator-events-0", "report-events-0", "indicator-events-0"),
                snapshot.events().stream().map(e -> e.partition().toString()).toList());
        assertEquals(List.of(0L, 11L, 1L), snapshot.events().stream().map(StreamedEvent::offset).toList());
        assertEquals(4, snapshot.lastSeq());
        assertEquals(recent.position(), snapshot.position());
    }

    @Test
    void aPositionOlderThanTheBufferCannotBeServedFromIt() {
        RecentEvents recent = new RecentEvents(TOPICS, 2, 1_000_000);
        recent.partitionAdded(REPORTS, 10);
        recent.append(List.of(read(REPORTS, 10), read(REPORTS, 11), read(REPORTS, 12)));
        assertEquals(2, recent.size());
        assertFalse(recent.canServe(EventCursor.parse("report-events:0:10")), "event 10 was evicted");
        assertNull(recent.snapshot(EventCursor.parse("report-events:0:10")));
        assertTrue(recent.canServe(EventCursor.parse("report-events:0:11")));
        assertEquals(2, recent.snapshot(EventCursor.parse("report-events:0:11")).events().size());
        assertTrue(recent.canServe(EventCursor.parse("report-events:0:13")), "nothing missed");
        assertFalse(recent.canServe(EventCursor.parse("report-events:0:3")), "before the gateway started");
    }

    @Test
    void theBufferIsBoundedByBytesToo() {
        RecentEvents recent = new RecentEvents(TOPICS, 1000, 40);
        recent.partitionAdded(REPORTS, 0);
        recent.append(List.of(read(REPORTS, 0), read(REPORTS, 1), read(REPORTS, 2)));
        assertEquals(2, recent.size(), "each event is 19 characters");
        assertFalse(recent.canServe(EventCursor.parse("report-events:0:0")));
    }

    @Test
    void aPartitionTheClientDidNotKnowIsReadFromItsBeginning() {
        RecentEvents recent = new RecentEvents(TOPICS, 100, 1_000_000);
        recent.partitionAdded(REPORTS, 5);
        recent.partitionAdded(INDICATORS, 0);
        recent.append(List.of(read(INDICATORS, 0)));
        EventCursor resumed = EventCursor.parse("report-events:0:5");
        assertEquals("indicator-events:0:0,report-events:0:5", recent.startOf(resumed).toString());
        assertEquals(1, recent.snapshot(resumed).events().size(), "indicator-events appeared after it: from 0");
        assertFalse(recent.canServe(EventCursor.parse("indicator-events:0:0")),
                "report-events did not start at 0 in the buffer: it needs a read from Kafka");
    }

    @Test
    void aNewStreamStartsAtTheGatewaysPosition() {
        RecentEvents recent = new RecentEvents(TOPICS, 100, 1_000_000);
        recent.partitionAdded(REPORTS, 7);
        recent.append(List.of(read(REPORTS, 7)));
        RecentEvents.Snapshot now = recent.snapshot(null);
        assertEquals("report-events:0:8", now.start().toString());
        assertTrue(now.events().isEmpty());
        assertEquals(1, now.lastSeq());
    }

    @Test
    void beforeAnyTopicExistsANewStreamStartsAtTheirBeginning() {
        RecentEvents recent = new RecentEvents(TOPICS, 100, 1_000_000);
        RecentEvents.Snapshot now = recent.snapshot(null);
        assertEquals("indicator-events:0:0,report-events:0:0", now.start().toString(),
                "not an empty id, which a client could not resume from");
        assertTrue(now.position().isEmpty());
        recent.partitionAdded(REPORTS, 0);
        recent.append(List.of(read(REPORTS, 0)));
        assertEquals(1, recent.snapshot(now.start()).events().size(), "resumed there, it gets what came since");
    }
}
