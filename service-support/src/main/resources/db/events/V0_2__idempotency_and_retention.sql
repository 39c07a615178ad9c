-- Idempotency keys (Idempotency-Key header on POSTs): per caller (token subject), the first answer kept for retries.
-- IN_FLIGHT while the first request is carried out (owner: that request; locked_until: when it counts as abandoned),
-- COMPLETED with the answer. Deleted by retention after expires_at.
CREATE TABLE idempotency_key (
    caller           varchar(200) NOT NULL,
    idem_key         varchar(255) NOT NULL,
    owner            uuid NOT NULL,
    state            varchar(20) NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    fingerprint      char(64),
    request_method   varchar(10) NOT NULL,
    request_path     varchar(2000) NOT NULL,
    response_status  int,
    response_headers text,
    response_body    bytea,
    created_at       timestamptz NOT NULL,
    locked_until     timestamptz NOT NULL,
    completed_at     timestamptz,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (caller, idem_key),
    CHECK (state = 'IN_FLIGHT' OR (fingerprint IS NOT NULL AND response_status IS NOT NULL))
);
CREATE INDEX idempotency_key_expires ON idempotency_key (expires_at);

-- Retention deletes applied event ids by age.
CREATE INDEX processed_event_processed ON processed_event (processed_at);
