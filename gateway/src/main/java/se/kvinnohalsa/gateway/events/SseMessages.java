package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import se.kvinnohalsa.events.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Kafka records as Server-Sent Events (text/event-stream, WHATWG HTML "Server-sent events"). */
public final class SseMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE_BREAK = Pattern.compile("[\r\n]");

    private SseMessages() {
    }

    /** One event; a multi-line data value becomes several data lines, as the format requires. */
    public static String event(String id, String name, String data) {
        StringBuilder message = new StringBuilder();
        if (id != null) {
            message.append("id: ").append(id).append('\n');
        }
        if (name != null) {
            // A line break in a type would end the field early: the rest would be read as fields of its own.
            message.append("event: ").append(LINE_BREAK.matcher(name).replaceAll("")).append('\n');
        }
        if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
            message.append("data: ").append(data).append('\n'); // JSON as Jackson writes it: one line
        } else {
            for (String line : data.split("\r\n|\r|\n", -1)) {
                message.append("data: ").append(line).append('\n');
            }
        }
        return message.append('\n').toString();
    }

    /** How long a client waits before it reconnects after the stream ends (EventSource honours it). */
    public static String retry(long millis) {
        return "retry: " + millis + "\n\n";
    }

    /** A comment line: ignored by clients, keeps the connection alive through proxies. */
    public static String comment(String text) {
        return ": " + text.replaceAll("[\r\n]", " ") + "\n\n";
    }

    /**
     * The data of a domain event in full: its CloudEvents attributes, the topic and key, the request id that caused
     * it, and the event's own JSON (or its text, when it is not JSON).
     */
    public static ObjectNode fullData(ConsumerRecord<String, String> record, JsonNode value) {
        ObjectNode data = envelope(record);
        data.put("requestId", header(record, EventHeaders.REQUEST_ID));
        data.set("data", value);
        data.put("view", "full");
        return data;
    }

    /**
     * The public data of a domain event: its CloudEvents attributes, topic and key, and the public projection of the
     * event's JSON ({@link EventProjection}); no request id (a client's own correlation id is not everyone's).
     */
    public static ObjectNode publicData(ConsumerRecord<String, String> record, JsonNode value) {
        ObjectNode data = envelope(record);
        data.set("data", EventProjection.publicData(header(record, EventHeaders.TYPE), value));
        data.put("view", "public");
        return data;
    }

    /** The event's own JSON value; its text when it is not JSON. */
    public static JsonNode value(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(record.value());
        } catch (Exception notJson) {
            return JSON.getNodeFactory().textNode(record.value());
        }
    }

    private static ObjectNode envelope(ConsumerRecord<String, String> record) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", header(record, EventHeaders.ID));
        data.put("type", header(record, EventHeaders.TYPE));
        data.put("source", header(record, EventHeaders.SOURCE));
        data.put("subject", header(record, EventHeaders.SUBJECT));
        data.put("time", header(record, EventHeaders.TIME));
        data.put("topic", record.topic());
        data.put("key", record.key());
        return data;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
