--liquibase formatted sql

--changeset convene:core-011-webhook-deliveries splitStatements:false
-- The dispatcher takes outbox rows not yet fanned out; rows from before it existed count as done.
ALTER TABLE core.outbox ADD COLUMN dispatched_at timestamptz;
UPDATE core.outbox SET dispatched_at = occurred_at;
CREATE INDEX outbox_undispatched_idx ON core.outbox (id) WHERE dispatched_at IS NULL;

-- Every committed outbox row is announced to listeners (the dispatcher, live subscriptions) by id.
CREATE FUNCTION core.announce_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('convene_outbox', NEW.id::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_announce AFTER INSERT ON core.outbox FOR EACH ROW EXECUTE FUNCTION core.announce_outbox();

-- One message per domain event and matching subscription: delivered at least once, retried
-- until it is, or until the subscription's retry policy gives up.
CREATE TABLE core.webhook_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES core.webhook_subscription (id) ON DELETE CASCADE,
    outbox_id        bigint      NOT NULL REFERENCES core.outbox (id),
    message_id       text        NOT NULL UNIQUE,
    event_type       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL)),
    last_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL,
    UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX webhook_delivery_due_idx ON core.webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription_idx ON core.webhook_delivery (subscription_id, id DESC);

ALTER TABLE core.webhook_attempt ADD COLUMN event_id uuid;
ALTER TABLE core.webhook_attempt ADD COLUMN next_attempt_at timestamptz;
CREATE INDEX webhook_attempt_event_idx ON core.webhook_attempt (subscription_id, event_id, id DESC);

-- Since when every attempt to the subscription's endpoint failed; cleared by a success.
ALTER TABLE core.webhook_subscription ADD COLUMN failing_since timestamptz;
