--liquibase formatted sql

--changeset convene:core-017-calendar-feeds
-- Private iCalendar subscription URLs of a user's personal agenda. Calendar apps cannot sign
-- in, so the URL carries a random token (256 bits); only its SHA-256 digest is stored, which
-- is enough for a secret that long and lets a leaked database not leak the feeds. A revoked
-- feed keeps its row (the owner sees when it was revoked) and answers as if it never existed.
CREATE TABLE core.calendar_feed (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES core.app_user (id),
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    token_hash bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- the first characters of the token, so the owner can tell their feeds apart
    prefix     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX calendar_feed_user_idx ON core.calendar_feed (user_id, created_at DESC);
