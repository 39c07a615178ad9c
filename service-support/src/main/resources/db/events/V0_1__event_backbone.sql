-- Event backbone shared by every service (from the event-contracts module).
-- Outbox: events written in the same transaction as the change that causes them; relayed to Kafka after commit.
CREATE TABLE outbox_event (
    id          uuid PRIMARY KEY,
    seq         bigserial NOT NULL UNIQUE,
    topic       varchar(200) NOT NULL,
    event_key   varchar(200) NOT NULL,
    type        varchar(200) NOT NULL,
    subject     varchar(200),
    payload     text NOT NULL,
    request_id  varchar(200),
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_created ON outbox_event (created_at);

-- Inbox: the CloudEvent ids a consumer has applied, written in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(200) NOT NULL,
    event_type   varchar(200) NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
