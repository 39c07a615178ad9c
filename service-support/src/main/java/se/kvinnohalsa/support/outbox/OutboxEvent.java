package se.kvinnohalsa.support.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in (or already relayed from) the outbox. Its id is the CloudEvent id. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    /** Commit order; filled by the database so that the relay publishes in the order changes were made. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    public String type;
    public String subject;
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    /** The W3C traceparent of the request that wrote the event (null outside a trace). */
    public String traceparent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
