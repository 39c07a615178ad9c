package se.kvinnohalsa.gateway.events;

import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a client's event stream stands: per topic partition, the offset of the next event it has not seen. It is the
 * SSE {@code id} of every event sent, so a client that reconnects with {@code Last-Event-ID} resumes exactly after
 * the last event it received, on every partition. Text form: {@code allocation-events:0:17,report-events:0:4}.
 */
public record EventCursor(Map<TopicPartition, Long> next) {

    public static final EventCursor EMPTY = new EventCursor(Map.of());
    /** A cursor names at most this many partitions; a longer Last-Event-ID is not one of ours. */
    static final int MAX_PARTITIONS = 1000;

    public EventCursor {
        next = Collections.unmodifiableMap(new LinkedHashMap<>(next));
    }

    /** Reads a Last-Event-ID; throws IllegalArgumentException saying what is wrong when it is not a cursor. */
    public static EventCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] entries = text.trim().split(",");
        if (entries.length > MAX_PARTITIONS) {
            throw new IllegalArgumentException("names more than " + MAX_PARTITIONS + " partitions");
        }
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (String entry : entries) {
            int offsetAt = entry.lastIndexOf(':');
            int partitionAt = offsetAt < 0 ? -1 : entry.lastIndexOf(':', offsetAt - 1);
            if (partitionAt <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not topic:partition:offset");
            }
            try {
                int partition = Integer.parseInt(entry.substring(partitionAt + 1, offsetAt));
                long offset = Long.parseLong(entry.substring(offsetAt + 1));
                if (partition < 0 || offset < 0) {
                    throw new IllegalArgumentException("'" + entry + "' has a negative partition or offset");
                }
                next.put(new TopicPartition(entry.substring(0, partitionAt), partition), offset);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' is not topic:partition:offset");
            }
        }
        return new EventCursor(next);
    }

    /** This cursor after the event at {@code offset} of the partition. */
    public EventCursor after(TopicPartition partition, long offset) {
        Map<TopicPartition, Long> moved = new LinkedHashMap<>(next);
        moved.put(partition, offset + 1);
        return new EventCursor(moved);
    }

    public boolean isEmpty() {
        return next.isEmpty();
    }

    @Override
    public String toString() {
        return next.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, Long> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .map(e -> e.getKey().topic() + ":" + e.getKey().partition() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
