--liquibase formatted sql

--changeset convene:core-004-registrations
CREATE TABLE core.registration (
    id         uuid PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES core.event (id),
    status     text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'CHECKED_IN')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_event_status_idx ON core.registration (event_id, status);
