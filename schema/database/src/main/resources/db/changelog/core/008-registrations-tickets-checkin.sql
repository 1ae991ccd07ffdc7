--liquibase formatted sql

--changeset convene:core-008-seat-counters
-- Seats, one counter per event and one per ticket type (id = the event's or the ticket
-- type's id). Registrations take seats by raising taken in the transaction that creates
-- them; the CHECK makes overselling impossible whatever the code does. capacity NULL means
-- unlimited; it is kept equal to event.capacity and ticket_type.quantity.
CREATE TABLE core.seat_counter (
    id       uuid    PRIMARY KEY,
    capacity integer CHECK (capacity >= 0),
    taken    integer NOT NULL DEFAULT 0 CHECK (taken >= 0),
    CONSTRAINT seat_counter_never_oversold CHECK (capacity IS NULL OR taken <= capacity)
);
INSERT INTO core.seat_counter (id, capacity, taken) SELECT id, capacity, 0 FROM core.event;

--changeset convene:core-008-seat-counter-triggers splitStatements:false
-- Counters follow the capacities they guard, whichever code path creates or changes an
-- event or a ticket type. Lowering a capacity below the seats taken fails the CHECK above.
-- The trigger's argument names the column that holds the limit.
CREATE FUNCTION core.keep_seat_counter() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    limit_value integer := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
BEGIN
    INSERT INTO core.seat_counter (id, capacity) VALUES (NEW.id, limit_value)
    ON CONFLICT (id) DO UPDATE SET capacity = excluded.capacity
    WHERE core.seat_counter.capacity IS DISTINCT FROM excluded.capacity;
    RETURN NEW;
END
$$;
CREATE TRIGGER event_seat_counter AFTER INSERT OR UPDATE OF capacity ON core.event
    FOR EACH ROW EXECUTE FUNCTION core.keep_seat_counter('capacity');

--changeset convene:core-008-ticket-types
CREATE TABLE core.ticket_type (
    id            uuid        PRIMARY KEY,
    event_id      uuid        NOT NULL REFERENCES core.event (id),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description   text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    price_amount  bigint      NOT NULL CHECK (price_amount >= 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    quantity      integer     CHECK (quantity >= 0),
    sales_start   timestamptz,
    sales_end     timestamptz,
    max_per_order integer     NOT NULL DEFAULT 10 CHECK (max_per_order BETWEEN 1 AND 100),
    max_per_user  integer     NOT NULL DEFAULT 0 CHECK (max_per_user >= 0),
    visibility    text        NOT NULL CHECK (visibility IN ('PUBLIC', 'HIDDEN')),
    questions     jsonb       NOT NULL DEFAULT '[]',
    position      integer     NOT NULL DEFAULT 0,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticket_type_sales_window CHECK (sales_start IS NULL OR sales_end IS NULL OR sales_end > sales_start)
);
CREATE INDEX ticket_type_event_idx ON core.ticket_type (event_id, position);
CREATE TRIGGER ticket_type_seat_counter AFTER INSERT OR UPDATE OF quantity ON core.ticket_type
    FOR EACH ROW EXECUTE FUNCTION core.keep_seat_counter('quantity');

--changeset convene:core-008-registrations
-- Replaces the placeholder table of 004 (nothing wrote to it): a registration is one
-- attendee holding, or waiting for, one seat of one ticket type.
DROP TABLE core.registration;
CREATE TABLE core.registration (
    id                  uuid        PRIMARY KEY,
    event_id            uuid        NOT NULL REFERENCES core.event (id),
    ticket_type_id      uuid        NOT NULL REFERENCES core.ticket_type (id),
    user_id             uuid        REFERENCES core.app_user (id),
    attendee_name       text        NOT NULL CHECK (char_length(attendee_name) BETWEEN 1 AND 200),
    attendee_email      text        NOT NULL CHECK (char_length(attendee_email) BETWEEN 3 AND 254),
    answers             jsonb       NOT NULL DEFAULT '{}',
    status              text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'CHECKED_IN')),
    price_amount        bigint      NOT NULL CHECK (price_amount >= 0),
    currency            text        NOT NULL,
    hold_expires_at     timestamptz,
    -- Order of the waiting list: promotion takes the smallest first.
    waitlist_seq        bigint,
    cancellation_reason text,
    payment_reference   text,
    confirmed_at        timestamptz,
    cancelled_at        timestamptz,
    checked_in_at       timestamptz,
    created_by          text        NOT NULL,
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT registration_pending_has_hold CHECK ((status = 'PENDING_PAYMENT') = (hold_expires_at IS NOT NULL)),
    CONSTRAINT registration_waitlisted_has_place CHECK ((status = 'WAITLISTED') = (waitlist_seq IS NOT NULL)),
    CONSTRAINT registration_cancelled_has_time CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    CONSTRAINT registration_checked_in_has_time CHECK ((status = 'CHECKED_IN') = (checked_in_at IS NOT NULL))
);
CREATE SEQUENCE core.registration_waitlist_seq;
CREATE INDEX registration_event_status_idx ON core.registration (event_id, status);
CREATE INDEX registration_ticket_type_status_idx ON core.registration (ticket_type_id, status);
CREATE INDEX registration_user_idx ON core.registration (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX registration_waitlist_idx ON core.registration (event_id, waitlist_seq) WHERE status = 'WAITLISTED';
CREATE INDEX registration_hold_idx ON core.registration (hold_expires_at) WHERE status = 'PENDING_PAYMENT';

--changeset convene:core-008-tickets
-- Ed25519 keys ticket codes are signed with. The ACTIVE key signs; RETIRED keys still verify.
CREATE TABLE core.ticket_key (
    kid         text        PRIMARY KEY,
    private_key bytea       NOT NULL,
    public_key  bytea       NOT NULL,
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ticket_key_one_active ON core.ticket_key (status) WHERE status = 'ACTIVE';

--changeset convene:core-008-check-ins
-- Admissions. A registration has at most one admission that is not undone.
CREATE TABLE core.check_in (
    id              uuid        PRIMARY KEY,
    registration_id uuid        NOT NULL REFERENCES core.registration (id),
    event_id        uuid        NOT NULL REFERENCES core.event (id),
    scanned_at      timestamptz NOT NULL,
    device_id       text        NOT NULL CHECK (char_length(device_id) BETWEEN 1 AND 100),
    location        text        NOT NULL DEFAULT '' CHECK (char_length(location) <= 200),
    offline         boolean     NOT NULL DEFAULT false,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    undone_at       timestamptz,
    undone_by       text,
    undo_reason     text
);
CREATE UNIQUE INDEX check_in_one_admission ON core.check_in (registration_id) WHERE undone_at IS NULL;
CREATE INDEX check_in_event_idx ON core.check_in (event_id, scanned_at);
-- Offline scans as uploaded, so a repeated upload (same device and nonce) changes nothing.
CREATE TABLE core.offline_scan (
    device_id       text        NOT NULL,
    nonce           text        NOT NULL CHECK (char_length(nonce) BETWEEN 1 AND 100),
    registration_id uuid,
    scanned_at      timestamptz NOT NULL,
    outcome         text        NOT NULL,
    uploaded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, nonce)
);

--changeset convene:core-008-idempotency
-- Idempotency keys of mutations, per caller, with the first answer. Kept at least 24 hours.
CREATE TABLE core.idempotency_key (
    caller        text        NOT NULL,
    key           text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    operation     text        NOT NULL,
    request_hash  bytea       NOT NULL,
    status_code   integer,
    response      bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created_idx ON core.idempotency_key (created_at);
