-- The W3C traceparent of the request that wrote the event: the relay sends the event later, from another thread, as
-- part of that request's trace (the Kafka record's traceparent header). Null for events written outside a trace.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
