--liquibase formatted sql

--changeset convene:core-003-events
CREATE TABLE core.event (
    id                  uuid PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('STANDALONE', 'SERIES', 'OCCURRENCE')),
    title               text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description         text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    time_zone           text        NOT NULL,
    venue               jsonb,
    capacity            integer CHECK (capacity > 0),
    status              text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
    visibility          text        NOT NULL CHECK (visibility IN ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    tags                text[]      NOT NULL DEFAULT '{}',
    organizer_id        uuid REFERENCES core.app_user (id),
    parent_id           uuid REFERENCES core.event (id),
    series_id           uuid REFERENCES core.event (id),
    recurrence_rule     text,
    recurrence_exdates  timestamptz[] NOT NULL DEFAULT '{}',
    original_starts_at  timestamptz,
    detached            boolean     NOT NULL DEFAULT false,
    cancellation_reason text,
    published_at        timestamptz,
    cancelled_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint      NOT NULL DEFAULT 1,
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', title), 'A')
                            || setweight(to_tsvector('english', description), 'B')) STORED,
    CONSTRAINT event_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT event_series_has_rule CHECK ((kind = 'SERIES') = (recurrence_rule IS NOT NULL)),
    CONSTRAINT event_occurrence_has_series CHECK (
        (kind = 'OCCURRENCE') = (series_id IS NOT NULL AND original_starts_at IS NOT NULL)),
    CONSTRAINT event_cancelled_has_time CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    CONSTRAINT event_sub_event_not_series CHECK (parent_id IS NULL OR kind = 'STANDALONE')
);
CREATE UNIQUE INDEX event_occurrence_key ON core.event (series_id, original_starts_at) WHERE series_id IS NOT NULL;
CREATE INDEX event_starts_at_idx ON core.event (starts_at, id);
CREATE INDEX event_title_idx ON core.event (title, id);
CREATE INDEX event_created_at_idx ON core.event (created_at, id);
CREATE INDEX event_organizer_idx ON core.event (organizer_id);
CREATE INDEX event_parent_idx ON core.event (parent_id, starts_at) WHERE parent_id IS NOT NULL;
CREATE INDEX event_tags_idx ON core.event USING gin (tags);
CREATE INDEX event_search_idx ON core.event USING gin (search);
CREATE INDEX event_published_ends_idx ON core.event (ends_at) WHERE status = 'PUBLISHED';
