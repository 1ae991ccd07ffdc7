--liquibase formatted sql

--changeset convene:core-006-identity
ALTER TABLE core.app_user
    ADD COLUMN email_verified  boolean NOT NULL DEFAULT false,
    ADD COLUMN password_hash   text,
    ADD COLUMN roles           text[]  NOT NULL DEFAULT '{ATTENDEE}',
    ADD COLUMN status          text    NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    ADD COLUMN preferences     jsonb   NOT NULL DEFAULT '{}',
    ADD COLUMN speaker_profile jsonb,
    ADD COLUMN version         bigint  NOT NULL DEFAULT 1;
ALTER TABLE core.app_user
    ADD CONSTRAINT app_user_roles_known CHECK (roles <@ ARRAY ['ADMIN', 'ORGANIZER', 'SPEAKER', 'ATTENDEE']::text[]);

-- Accounts at external OpenID Connect providers, linked to users by verified e-mail address.
CREATE TABLE core.external_identity (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES core.app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);
CREATE INDEX external_identity_user_idx ON core.external_identity (user_id);

-- API keys; the secret is random (256 bits), so a SHA-256 digest is enough to store it safely.
CREATE TABLE core.api_key (
    id           uuid PRIMARY KEY,
    owner_id     uuid        NOT NULL REFERENCES core.app_user (id),
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    prefix       text        NOT NULL,
    secret_hash  bytea       NOT NULL UNIQUE,
    scopes       text[]      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_key_owner_idx ON core.api_key (owner_id);

-- Every API call and its outcome, for administrators.
CREATE TABLE core.audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor          text        NOT NULL,
    client_id      text,
    operation      text        NOT NULL,
    outcome        text        NOT NULL,
    client_address text,
    correlation_id text,
    duration_ms    integer
);
CREATE INDEX audit_log_occurred_idx ON core.audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON core.audit_log (actor, occurred_at DESC);
