--liquibase formatted sql

--changeset convene:core-010-webhook-attempts
-- Every attempt to deliver something to a webhook subscription, with what the endpoint answered.
CREATE TABLE core.webhook_attempt (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES core.webhook_subscription (id) ON DELETE CASCADE,
    message_id       text        NOT NULL,
    event_type       text        NOT NULL,
    attempted_at     timestamptz NOT NULL,
    succeeded        boolean     NOT NULL,
    status_code      integer,
    latency_ms       integer     NOT NULL,
    response_excerpt text,
    error            text
);
CREATE INDEX webhook_attempt_subscription_idx ON core.webhook_attempt (subscription_id, attempted_at DESC);
