package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import se.kvinnohalsa.events.EventHeaders;

/**
 * One domain event as the gateway streams it: where it is in Kafka, its number in this gateway's sequence of events,
 * the stream position just after it (the SSE id of streams that follow the gateway's order) and its data in both
 * views, built once for every stream.
 *
 * @param seq this gateway's sequence number (1, 2, ...), the order in which every live stream gets the events
 * @param after the position after this event of a stream that has seen every event up to it in the gateway's order
 * @param id {@code after} as text
 */
public record StreamedEvent(long seq, TopicPartition partition, long offset, EventCursor after, String id,
        Content content) {

    /**
     * What an event says, in both views.
     *
     * @param type the CloudEvents type (the SSE event name); null if the record has none
     * @param region the region the event is about ({@code data.regionCode}), null if none
     */
    public record Content(String type, String region, String publicData, String fullData) {

        public static Content of(ConsumerRecord<String, String> record) {
            JsonNode value = SseMessages.value(record);
            JsonNode region = value.isObject() ? value.get("regionCode") : null;
            return new Content(SseMessages.header(record, EventHeaders.TYPE),
                    region != null && region.isTextual() ? region.textValue() : null,
                    SseMessages.publicData(record, value).toString(), SseMessages.fullData(record, value).toString());
        }

        public String dataFor(Audience audience) {
            return audience.seesFull(type, region) ? fullData : publicData;
        }

        /** Roughly what it holds in memory, for the bound of the recent-events buffer. */
        public long size() {
            return (long) publicData.length() + fullData.length();
        }

        /** The SSE message of this event for the audience, with the given id (the stream's position after it). */
        public String message(String id, Audience audience) {
            return SseMessages.event(id, type, dataFor(audience));
        }
    }

    /** The SSE message for a stream that follows the gateway's order. */
    public String message(Audience audience) {
        return content.message(id, audience);
    }
}
