--liquibase formatted sql

--changeset convene:core-013-session-attendance
-- What attendees do with sessions: bookmark them into a personal agenda, reserve a seat where
-- a session requires one, attend (their ticket scanned at the session's door) and rate them.

-- A session that requires a seat admits only attendees who reserved one, and has as many
-- seats as its capacity. seats_taken counts the reservations; the CHECK refuses one more than
-- the capacity, so concurrent reservations cannot overfill a session.
ALTER TABLE core.session ADD COLUMN requires_seat boolean NOT NULL DEFAULT false;
ALTER TABLE core.session ADD COLUMN seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0);
ALTER TABLE core.session ADD CONSTRAINT session_seated_has_capacity
    CHECK (NOT requires_seat OR capacity IS NOT NULL);
ALTER TABLE core.session ADD CONSTRAINT session_seats_within_capacity
    CHECK (NOT requires_seat OR seats_taken <= capacity);

-- A session in a user's personal agenda; seat is true when the bookmark holds one of a
-- seated session's seats.
CREATE TABLE core.session_bookmark (
    session_id uuid        NOT NULL REFERENCES core.session (id),
    user_id    uuid        NOT NULL REFERENCES core.app_user (id),
    seat       boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_bookmark_user_idx ON core.session_bookmark (user_id, session_id);

-- A ticket admitted at a session's door (the same codes as at the event's door); one row per
-- session and registration, so a second scan finds the first.
CREATE TABLE core.session_check_in (
    session_id      uuid        NOT NULL REFERENCES core.session (id),
    registration_id uuid        NOT NULL REFERENCES core.registration (id),
    -- the registration's user; null for a guest's ticket
    user_id         uuid        REFERENCES core.app_user (id),
    scanned_at      timestamptz NOT NULL,
    device_id       text        NOT NULL CHECK (char_length(device_id) BETWEEN 1 AND 100),
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, registration_id)
);
CREATE INDEX session_check_in_user_idx ON core.session_check_in (user_id, session_id) WHERE user_id IS NOT NULL;

-- An attendee's rating of a session they attended: one per person and session, editable.
CREATE TABLE core.session_feedback (
    session_id uuid        NOT NULL REFERENCES core.session (id),
    user_id    uuid        NOT NULL REFERENCES core.app_user (id),
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text        CHECK (char_length(comment) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 1,
    PRIMARY KEY (session_id, user_id)
);
