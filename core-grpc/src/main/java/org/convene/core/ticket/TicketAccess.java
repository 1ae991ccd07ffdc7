package org.convene.core.ticket;

import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.EVENT;

/**
 * Who may reach a registration by its id: the attendee it is for, and the organizer of its
 * event or an administrator. To anyone else it does not exist (NOT_FOUND).
 */
@Component
public class TicketAccess {

	private final DSLContext db;

	private final Events events;

	private final TicketRegistrations registrations;

	TicketAccess(DSLContext db, Events events, TicketRegistrations registrations) {
		this.db = db;
		this.events = events;
		this.registrations = registrations;
	}

	/** The registration, for its attendee or its event's organizer, who hold {@code scope}. */
	public RegistrationRecord forAttendeeOrOrganizer(Caller caller, String id, String scope, String target) {
		caller.require(scope);
		UUID registrationId = RequestIds.uuid(id, target);
		RegistrationRecord registration = this.registrations.find(registrationId);
		if (registration == null || !(caller.is(registration.getUserId()) || manages(caller, registration))) {
			throw ApiException.notFound("registration", id, target);
		}
		return registration;
	}

	/**
	 * The registration, locked, for its event's organizer, who holds {@code scope}. Its attendee
	 * sees it but may not act on it; for anyone else it does not exist.
	 */
	public RegistrationRecord lockForOrganizer(Caller caller, String id, String scope, String target) {
		caller.require(scope);
		RegistrationRecord registration = this.registrations.lock(RequestIds.uuid(id, target));
		boolean manages = registration != null && manages(caller, registration);
		if (registration == null || !(manages || caller.is(registration.getUserId()))) {
			throw ApiException.notFound("registration", id, target);
		}
		if (!manages) {
			throw Caller.denied("Only the event's organizer or an administrator may do this");
		}
		return registration;
	}

	/** The event of a registration, which exists as registrations reference it. */
	public EventRecord event(RegistrationRecord registration) {
		return this.db.fetchSingle(EVENT, EVENT.ID.eq(registration.getEventId()));
	}

	private boolean manages(Caller caller, RegistrationRecord registration) {
		return this.events.manages(caller, event(registration));
	}

}
