--liquibase formatted sql

--changeset convene:core-014-agenda-seats splitStatements:false
-- A seat at a session is held for an attendee of its event: when a user's last CONFIRMED or
-- CHECKED_IN registration for an event ends (it is cancelled, by the attendee, the organizer
-- or with the whole event), their seats at the event's sessions are freed in the same
-- transaction. The sessions stay in their agenda (core.session_bookmark) without a seat.
-- Whoever reserves a seat reads the registration FOR SHARE first, so a reservation and a
-- cancellation of the same registration cannot pass each other.
CREATE FUNCTION core.free_session_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM core.registration r
               WHERE r.user_id = NEW.user_id AND r.event_id = NEW.event_id
                 AND r.status IN ('CONFIRMED', 'CHECKED_IN')) THEN
        RETURN NULL;
    END IF;
    WITH freed AS (
        UPDATE core.session_bookmark b SET seat = false
        FROM core.session s
        WHERE s.id = b.session_id AND s.event_id = NEW.event_id AND b.user_id = NEW.user_id AND b.seat
        RETURNING b.session_id)
    UPDATE core.session s SET seats_taken = s.seats_taken - 1
    FROM freed
    WHERE s.id = freed.session_id;
    RETURN NULL;
END $$;

CREATE TRIGGER registration_frees_session_seats
    AFTER UPDATE OF status ON core.registration
    FOR EACH ROW
    WHEN (OLD.status IN ('CONFIRMED', 'CHECKED_IN') AND NEW.status NOT IN ('CONFIRMED', 'CHECKED_IN')
          AND NEW.user_id IS NOT NULL)
    EXECUTE FUNCTION core.free_session_seats();
