package se.kvinnohalsa.gateway.events;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's position in every streamed partition and a bounded buffer of the most recent events, from which a
 * reconnecting client resumes without a Kafka read of its own. Per partition it knows from which offset on it holds
 * every event (its floor); a position below a floor is older than the buffer and needs a catch-up read from Kafka.
 * Thread-safe: the one Kafka reader appends, every stream that starts or resumes takes a snapshot.
 */
final class RecentEvents {

    /**
     * What a stream that starts at a position gets from the buffer.
     *
     * @param start the position the stream starts at: the one asked for, with every partition it does not name
     *        from offset 0 (it did not exist yet when the client's position was made); for a new stream the
     *        gateway's position
     * @param events the buffered events after {@code start}, in the gateway's order
     * @param lastSeq the sequence number of the last event appended so far: the stream goes on live after it
     * @param position the gateway's position after {@code lastSeq}
     */
    record Snapshot(EventCursor start, List<StreamedEvent> events, long lastSeq, EventCursor position) {
    }

    private final List<String> topics;
    private final int maxEvents;
    private final long maxBytes;
    private final ArrayDeque<StreamedEvent> events = new ArrayDeque<>();
    private final Map<TopicPartition, Long> floors = new LinkedHashMap<>();
    private EventCursor position = EventCursor.EMPTY;
    private long bytes;
    private long seq;

    /** @param topics the streamed topics */
    RecentEvents(List<String> topics, int maxEvents, long maxBytes) {
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the buffer must hold at least one event");
        }
        this.topics = List.copyOf(topics);
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** A partition joins at an offset: every event from there on is appended. */
    synchronized void partitionAdded(TopicPartition partition, long offset) {
        if (!position.next().containsKey(partition)) {
            position = position.after(partition, offset - 1);
            floors.put(partition, offset);
        }
    }

    synchronized Set<TopicPartition> partitions() {
        return Set.copyOf(position.next().keySet());
    }

    /** The gateway's position: just after the last event appended. */
    synchronized EventCursor position() {
        return position;
    }

    /** Appends events read from Kafka (each just after the last one of its partition), evicting the oldest. */
    synchronized List<StreamedEvent> append(List<Read> reads) {
        List<StreamedEvent> appended = new ArrayList<>(reads.size());
        for (Read read : reads) {
            position = position.after(read.partition(), read.offset());
            floors.putIfAbsent(read.partition(), read.offset());
            StreamedEvent event = new StreamedEvent(++seq, read.partition(), read.offset(), position,
                    position.toString(), read.content());
            events.addLast(event);
            bytes += read.content().size();
            appended.add(event);
        }
        while (!events.isEmpty() && (events.size() > maxEvents || bytes > maxBytes)) {
            StreamedEvent evicted = events.removeFirst();
            bytes -= evicted.content().size();
            floors.put(evicted.partition(), evicted.offset() + 1);
        }
        return appended;
    }

    /** One event as read from Kafka. */
    record Read(TopicPartition partition, long offset, StreamedEvent.Content content) {
    }

    /** Whether a stream can start at this position from the buffer alone. */
    synchronized boolean canServe(EventCursor from) {
        return start(from) != null;
    }

    /**
     * What a stream gets that starts at {@code from} (null: a new stream, at the gateway's position); null when the
     * buffer no longer holds every event after {@code from}.
     */
    synchronized Snapshot snapshot(EventCursor from) {
        if (from == null) {
            return new Snapshot(position.isEmpty() ? beginning() : position, List.of(), seq, position);
        }
        EventCursor start = start(from);
        if (start == null) {
            return null;
        }
        List<StreamedEvent> after = new ArrayList<>();
        for (StreamedEvent event : events) {
            Long next = start.next().get(event.partition());
            if (next == null || event.offset() >= next) {
                after.add(event);
            }
        }
        return new Snapshot(start, after, seq, position);
    }

    /** Where a stream resuming at {@code from} starts: there, and at offset 0 of every partition it does not name. */
    synchronized EventCursor startOf(EventCursor from) {
        Map<TopicPartition, Long> start = new LinkedHashMap<>(from.next());
        for (TopicPartition partition : floors.keySet()) {
            start.putIfAbsent(partition, 0L);
        }
        return new EventCursor(start);
    }

    /**
     * Where a stream starts before any streamed topic exists: at the beginning of each, so that a client that
     * resumes there gets everything (an empty id would look like a new stream).
     */
    private EventCursor beginning() {
        Map<TopicPartition, Long> start = new LinkedHashMap<>();
        for (String topic : topics) {
            start.put(new TopicPartition(topic, 0), 0L);
        }
        return new EventCursor(start);
    }

    synchronized int size() {
        return events.size();
    }

    private EventCursor start(EventCursor from) {
        Map<TopicPartition, Long> start = new LinkedHashMap<>(from.next());
        for (Map.Entry<TopicPartition, Long> floor : floors.entrySet()) {
            Long wanted = from.next().get(floor.getKey());
            long at = wanted == null ? 0 : wanted;
            if (at < floor.getValue()) {
                return null;
            }
            start.put(floor.getKey(), at);
        }
        return new EventCursor(start);
    }
}
