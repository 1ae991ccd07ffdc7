package org.convene.core.registration;

import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * Who may see and change a registration: its attendee (the user it is for) and the event's
 * organizer or an administrator. For anyone else it does not exist (NOT_FOUND).
 */
@Component
class RegistrationAccess {

	private final Events events;

	RegistrationAccess(Events events) {
		this.events = events;
	}

	RegistrationRecord require(Caller caller, RegistrationRecord row, UUID id) {
		if (row == null || !(isAttendee(caller, row) || manages(caller, row))) {
			throw ApiException.notFound("registration", id.toString(), "id");
		}
		return row;
	}

	static boolean isAttendee(Caller caller, RegistrationRecord row) {
		return row.getUserId() != null && caller.is(row.getUserId());
	}

	boolean manages(Caller caller, RegistrationRecord row) {
		if (caller.isAdmin()) {
			return true;
		}
		try {
			return this.events.manages(caller, this.events.visible(caller, row.getEventId(), "id"));
		}
		catch (ApiException ex) {
			return false;
		}
	}

}
