package org.convene.core.ticket;

import org.springframework.stereotype.Component;

import org.convene.core.registration.RegistrationRecords;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * Registration rows in their API form for the answers of tickets and check-in, with the ticket
 * code: those answer only the attendee and the event's organizer.
 */
@Component
public class RegistrationMessages {

	private final TicketCodes codes;

	RegistrationMessages(TicketCodes codes) {
		this.codes = codes;
	}

	public Registration toProto(RegistrationRecord row) {
		Registration registration = RegistrationRecords.toProto(row, 0);
		if (!TicketMessages.hasTicket(row.getStatus())) {
			return registration;
		}
		return registration.toBuilder().setTicketCode(this.codes.ticket(row).getCode()).build();
	}

}
