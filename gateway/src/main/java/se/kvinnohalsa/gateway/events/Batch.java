package se.kvinnohalsa.gateway.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Events the gateway read from Kafka in one go, as every live stream gets them. The SSE text of the whole batch is
 * made once per audience and the same buffer is written to every stream of that audience that follows the gateway's
 * order, whatever the number of streams.
 */
final class Batch {

    private final List<StreamedEvent> events;
    private final ConcurrentMap<Audience, SharedText> messages = new ConcurrentHashMap<>();

    Batch(List<StreamedEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one event");
        }
        this.events = List.copyOf(events);
    }

    /** Consecutive batches as one. */
    static Batch merge(List<Batch> batches) {
        List<StreamedEvent> events = new ArrayList<>();
        for (Batch batch : batches) {
            events.addAll(batch.events);
        }
        return new Batch(events);
    }

    List<StreamedEvent> events() {
        return events;
    }

    long firstSeq() {
        return events.get(0).seq();
    }

    long lastSeq() {
        return events.get(events.size() - 1).seq();
    }

    /** Every event of the batch as SSE messages for the audience, with the gateway's positions as ids. */
    SharedText messages(Audience audience) {
        return messages.computeIfAbsent(audience, a -> {
            StringBuilder text = new StringBuilder();
            for (StreamedEvent event : events) {
                text.append(event.message(a));
            }
            return SharedText.of(text.toString());
        });
    }
}
