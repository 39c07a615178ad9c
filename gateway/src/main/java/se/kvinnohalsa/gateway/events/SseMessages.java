package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import se.kvinnohalsa.events.EventHeaders;

import java.nio.charset.StandardCharsets;

/** Kafka records as Server-Sent Events (text/event-stream, WHATWG HTML "Server-sent events"). */
public final class SseMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseMessages() {
    }

    /** One event; a multi-line data value becomes several data lines, as the format requires. */
    public static String event(String id, String name, String data) {
        StringBuilder message = new StringBuilder();
        if (id != null) {
            message.append("id: ").append(id).append('\n');
        }
        if (name != null) {
            message.append("event: ").append(name).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            message.append("data: ").append(line).append('\n');
        }
        return message.append('\n').toString();
    }

    /** A comment line: ignored by clients, keeps the connection alive through proxies. */
    public static String comment(String text) {
        return ": " + text.replaceAll("[\r\n]", " ") + "\n\n";
    }

    /**
     * The data of a domain event: its CloudEvents attributes, the topic and key, the request id that caused it, and
     * the event's own JSON (or its text, when it is not JSON).
     */
    public static String data(ConsumerRecord<String, String> record) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", header(record, EventHeaders.ID));
        data.put("type", header(record, EventHeaders.TYPE));
        data.put("source", header(record, EventHeaders.SOURCE));
        data.put("subject", header(record, EventHeaders.SUBJECT));
        data.put("time", header(record, EventHeaders.TIME));
        data.put("topic", record.topic());
        data.put("key", record.key());
        data.put("requestId", header(record, EventHeaders.REQUEST_ID));
        try {
            JsonNode value = record.value() == null ? JSON.nullNode() : JSON.readTree(record.value());
            data.set("data", value);
        } catch (Exception notJson) {
            data.put("data", record.value());
        }
        return data.toString();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
