package se.kvinnohalsa.gateway.events;

/**
 * A domain event read from Kafka by the gateway, as a CDI event for the gateway's own subscribers (caches of
 * documents and answers that depend on what the event changed). Fired asynchronously, once per record read.
 *
 * @param topic the Kafka topic
 * @param type the CloudEvents type, e.g. {@code se.kvinnohalsa.report.submitted.v1}
 * @param subject the CloudEvents subject, e.g. {@code 2024/23}
 * @param key the record key: a region code, or the agreement year where no region applies
 * @param data the event's JSON data
 */
public record DomainEventReceived(String topic, String type, String subject, String key, String data) {
}
