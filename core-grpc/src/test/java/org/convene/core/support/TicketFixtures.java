package org.convene.core.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.jooq.DSLContext;

import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SEAT_COUNTER;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/**
 * Ticket types and registrations written straight into the database, consistent with the
 * schema's rules (a pending registration holds its seat until a time, a cancelled one has its
 * cancellation time, seats held are counted), until the registrations API can make them.
 */
public final class TicketFixtures {

	private final DSLContext db;

	public TicketFixtures(DSLContext db) {
		this.db = db;
	}

	/** A free public ticket type of the event, without a quantity of its own. */
	public UUID ticketType(String eventId, String name) {
		UUID id = UUID.randomUUID();
		this.db.insertInto(TICKET_TYPE)
			.set(TICKET_TYPE.ID, id)
			.set(TICKET_TYPE.EVENT_ID, UUID.fromString(eventId))
			.set(TICKET_TYPE.NAME, name)
			.set(TICKET_TYPE.PRICE_AMOUNT, 0L)
			.set(TICKET_TYPE.CURRENCY, "EUR")
			.set(TICKET_TYPE.VISIBILITY, "PUBLIC")
			.execute();
		return id;
	}

	/** A CONFIRMED registration of the attendee (a user id, or null for someone without an account). */
	public UUID confirmed(String eventId, UUID ticketTypeId, UUID userId, String attendee) {
		return insert(eventId, ticketTypeId, userId, attendee, "CONFIRMED");
	}

	/** A PENDING_PAYMENT registration, holding its seat for another quarter of an hour. */
	public UUID pending(String eventId, UUID ticketTypeId, UUID userId, String attendee) {
		return insert(eventId, ticketTypeId, userId, attendee, "PENDING_PAYMENT");
	}

	/** Cancels a registration as the registrations feature would: the seat goes back. */
	public void cancel(UUID registrationId, Instant at) {
		RegistrationRecord registration = this.db.fetchSingle(REGISTRATION, REGISTRATION.ID.eq(registrationId));
		releaseSeat(registration);
		registration.setStatus("CANCELLED");
		registration.setCancelledAt(at.truncatedTo(ChronoUnit.MICROS));
		registration.setCheckedInAt(null);
		registration.setHoldExpiresAt(null);
		registration.setCancellationReason("Cannot come");
		registration.setVersion(registration.getVersion() + 1);
		registration.update();
	}

	/** Moves a registration back to PENDING_PAYMENT, which no real registration does once confirmed. */
	public void makePending(UUID registrationId) {
		this.db.update(REGISTRATION)
			.set(REGISTRATION.STATUS, "PENDING_PAYMENT")
			.set(REGISTRATION.HOLD_EXPIRES_AT, Instant.now().plus(15, ChronoUnit.MINUTES))
			.where(REGISTRATION.ID.eq(registrationId))
			.execute();
	}

	public RegistrationRecord registration(UUID id) {
		return this.db.fetchSingle(REGISTRATION, REGISTRATION.ID.eq(id));
	}

	private UUID insert(String eventId, UUID ticketTypeId, UUID userId, String attendee, String status) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		RegistrationRecord registration = this.db.newRecord(REGISTRATION);
		registration.setId(id);
		registration.setEventId(UUID.fromString(eventId));
		registration.setTicketTypeId(ticketTypeId);
		registration.setUserId(userId);
		registration.setAttendeeName(attendee);
		registration.setAttendeeEmail(attendee.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "." + id.toString().substring(0, 8)
				+ "@example.test");
		registration.setStatus(status);
		registration.setPriceAmount(0L);
		registration.setCurrency("EUR");
		registration.setCreatedBy(userId == null ? "system" : "user:" + userId);
		registration.setCreatedAt(now);
		registration.setUpdatedAt(now);
		if ("CONFIRMED".equals(status)) {
			registration.setConfirmedAt(now);
		}
		if ("PENDING_PAYMENT".equals(status)) {
			registration.setHoldExpiresAt(now.plus(15, ChronoUnit.MINUTES));
		}
		registration.insert();
		takeSeat(registration);
		return id;
	}

	private void takeSeat(RegistrationRecord registration) {
		this.db.update(SEAT_COUNTER)
			.set(SEAT_COUNTER.TAKEN, SEAT_COUNTER.TAKEN.plus(1))
			.where(SEAT_COUNTER.ID.in(registration.getEventId(), registration.getTicketTypeId()))
			.execute();
	}

	private void releaseSeat(RegistrationRecord registration) {
		this.db.update(SEAT_COUNTER)
			.set(SEAT_COUNTER.TAKEN, SEAT_COUNTER.TAKEN.minus(1))
			.where(SEAT_COUNTER.ID.in(registration.getEventId(), registration.getTicketTypeId()))
			.execute();
	}

}
