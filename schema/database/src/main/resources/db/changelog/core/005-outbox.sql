--liquibase formatted sql

--changeset convene:core-005-outbox
-- Domain events, written in the transaction of the change that caused them.
CREATE TABLE core.outbox (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   uuid        NOT NULL,
    payload        jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    correlation_id text,
    actor          text
);
CREATE INDEX outbox_aggregate_idx ON core.outbox (aggregate_id, id);
