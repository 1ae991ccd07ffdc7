--liquibase formatted sql

--changeset convene:core-009-webhooks
-- Where partners want Convene's domain events delivered. The signing secrets are kept as they
-- are: every delivery is signed with them (HMAC-SHA256, Standard Webhooks).
CREATE TABLE core.webhook_subscription (
    id                         uuid PRIMARY KEY,
    owner                      text        NOT NULL CHECK (owner ~ '^(user|client):.+'),
    url                        text        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000),
    description                text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
    event_types                text[]      NOT NULL DEFAULT '{}',
    enabled                    boolean     NOT NULL DEFAULT true,
    disabled_reason            text,
    max_attempts               integer     NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
    max_interval_seconds       integer     NOT NULL CHECK (max_interval_seconds BETWEEN 60 AND 86400),
    secret                     text        NOT NULL,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    version                    bigint      NOT NULL DEFAULT 1
);
CREATE INDEX webhook_subscription_owner_idx ON core.webhook_subscription (owner, created_at DESC);
