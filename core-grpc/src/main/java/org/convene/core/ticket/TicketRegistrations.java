package org.convene.core.ticket;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.CHECK_IN;
import static org.convene.schema.core.Tables.REGISTRATION;

/** Reads the registrations tickets belong to, and their admissions. */
@Repository
public class TicketRegistrations {

	private final DSLContext db;

	TicketRegistrations(DSLContext db) {
		this.db = db;
	}

	public RegistrationRecord find(UUID id) {
		return this.db.fetchOne(REGISTRATION, REGISTRATION.ID.eq(id));
	}

	/** Reads a registration and locks it until the transaction ends: scans of one ticket queue here. */
	public RegistrationRecord lock(UUID id) {
		return this.db.selectFrom(REGISTRATION).where(REGISTRATION.ID.eq(id)).forUpdate().fetchOne();
	}

	/** The registration a verified code names, if it belongs to the event; {@code null} otherwise. */
	public RegistrationRecord ofTicket(TicketCode code, UUID eventId, boolean lock) {
		if (!code.eventId().equals(eventId)) {
			return null;
		}
		RegistrationRecord registration = lock ? lock(code.registrationId()) : find(code.registrationId());
		return registration != null && registration.getEventId().equals(eventId) ? registration : null;
	}

	/** The admission of a registration that is not undone, or {@code null}. */
	public CheckInRecord admission(UUID registrationId) {
		return this.db.fetchOne(CHECK_IN, CHECK_IN.REGISTRATION_ID.eq(registrationId).and(CHECK_IN.UNDONE_AT.isNull()));
	}

	/** The admissions that are not undone, by registration id. */
	public Map<UUID, CheckInRecord> admissions(Collection<UUID> registrationIds) {
		return this.db.selectFrom(CHECK_IN)
			.where(CHECK_IN.REGISTRATION_ID.in(registrationIds))
			.and(CHECK_IN.UNDONE_AT.isNull())
			.fetchMap(CHECK_IN.REGISTRATION_ID);
	}

}
