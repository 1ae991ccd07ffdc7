--liquibase formatted sql

--changeset convene:core-012-sessions
-- Sessions of an event and the people who speak at them. The scheduling rules are kept by
-- the database, so concurrent edits cannot slip past them:
--   * a session lies within its event's time: the event's start and end are copied onto the
--     session through a foreign key that cascades on update, and a CHECK compares them (an
--     event therefore cannot move away from its scheduled sessions either);
--   * a room holds one scheduled session at a time, and a person speaks at one scheduled
--     session at a time: exclusion constraints on tstzrange (half-open, so back-to-back
--     sessions do not overlap). A session's time and status are copied onto its speakers the
--     same way, so moving or cancelling a session re-checks (or frees) its speakers.
-- Cancelled sessions keep their times but take part in no rule.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

ALTER TABLE core.event ADD CONSTRAINT event_id_time_key UNIQUE (id, starts_at, ends_at);

CREATE TABLE core.session (
    id                  uuid PRIMARY KEY,
    event_id            uuid        NOT NULL,
    event_starts_at     timestamptz NOT NULL,
    event_ends_at       timestamptz NOT NULL,
    title               text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    abstract            text        NOT NULL DEFAULT '' CHECK (char_length(abstract) <= 10000),
    type                text        NOT NULL CHECK (type IN ('TALK', 'WORKSHOP', 'PANEL', 'KEYNOTE', 'BREAK', 'OTHER')),
    track               text CHECK (char_length(track) BETWEEN 1 AND 100),
    room                text CHECK (char_length(room) BETWEEN 1 AND 100),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    capacity            integer CHECK (capacity > 0),
    language            text CHECK (char_length(language) BETWEEN 2 AND 35),
    tags                text[]      NOT NULL DEFAULT '{}',
    status              text        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    cancellation_reason text,
    cancelled_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint      NOT NULL DEFAULT 1,
    CONSTRAINT session_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT session_cancelled_has_time CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    CONSTRAINT session_event_time FOREIGN KEY (event_id, event_starts_at, event_ends_at)
        REFERENCES core.event (id, starts_at, ends_at) ON UPDATE CASCADE,
    CONSTRAINT session_within_event CHECK (
        status = 'CANCELLED' OR (starts_at >= event_starts_at AND ends_at <= event_ends_at)),
    CONSTRAINT session_room_free EXCLUDE USING gist (
        event_id WITH =, lower(room) WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status = 'SCHEDULED' AND room IS NOT NULL),
    CONSTRAINT session_id_time_key UNIQUE (id, starts_at, ends_at, status)
);
CREATE INDEX session_event_start_idx ON core.session (event_id, starts_at, id);
CREATE INDEX session_tags_idx ON core.session USING gin (tags);

CREATE TABLE core.session_speaker (
    session_id  uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES core.app_user (id),
    role        text        NOT NULL CHECK (role IN ('SPEAKER', 'MODERATOR', 'PANELIST')),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text        NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, user_id),
    CONSTRAINT session_speaker_session FOREIGN KEY (session_id, starts_at, ends_at, status)
        REFERENCES core.session (id, starts_at, ends_at, status) ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT session_speaker_free EXCLUDE USING gist (
        user_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'SCHEDULED')
);
CREATE INDEX session_speaker_user_idx ON core.session_speaker (user_id, starts_at);
