package org.convene.core.checkin;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.ticket.RegistrationMessages;
import org.convene.core.ticket.TicketCodes;
import org.convene.core.ticket.TicketMessages;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.CheckInOutcome;
import org.convene.ticket.v1.proto.CheckInResult;

/**
 * Scans at the door, each in a transaction of its own. The registration is locked first, so
 * concurrent scans of one ticket take turns: the first admits, the others find it admitted
 * and report that first admission.
 */
@Component
class DoorScans {

	private final TicketCodes codes;

	private final TicketRegistrations registrations;

	private final AdmissionLog log;

	private final RegistrationMessages messages;

	DoorScans(TicketCodes codes, TicketRegistrations registrations, AdmissionLog log, RegistrationMessages messages) {
		this.codes = codes;
		this.registrations = registrations;
		this.log = log;
		this.messages = messages;
	}

	@Transactional
	CheckInResult scan(String code, UUID eventId, ScanPoint point) {
		RegistrationRecord registration = this.codes.read(code)
			.map(ticket -> this.registrations.ofTicket(ticket, eventId, true))
			.orElse(null);
		if (registration == null) {
			return CheckInResult.newBuilder().setOutcome(CheckInOutcome.NOT_A_TICKET).build();
		}
		return switch (registration.getStatus()) {
			case "CONFIRMED" -> admit(registration, point);
			case "CHECKED_IN" -> admittedBefore(registration);
			case "CANCELLED" -> result(CheckInOutcome.TICKET_REVOKED, registration);
			default -> result(CheckInOutcome.TICKET_NOT_CONFIRMED, registration);
		};
	}

	private CheckInResult admit(RegistrationRecord registration, ScanPoint point) {
		CheckInRecord admission = this.log.admit(registration, AdmissionLog.now(), point, false);
		if (admission == null) {
			return admittedBefore(registration);
		}
		return result(CheckInOutcome.ADMITTED, registration).toBuilder()
			.setCheckIn(TicketMessages.admission(admission))
			.build();
	}

	private CheckInResult admittedBefore(RegistrationRecord registration) {
		CheckInResult.Builder result = result(CheckInOutcome.ALREADY_ADMITTED, registration).toBuilder();
		CheckInRecord first = this.registrations.admission(registration.getId());
		if (first != null) {
			result.setCheckIn(TicketMessages.admission(first));
		}
		return result.build();
	}

	private CheckInResult result(CheckInOutcome outcome, RegistrationRecord registration) {
		return CheckInResult.newBuilder().setOutcome(outcome).setRegistration(this.messages.toProto(registration)).build();
	}

}
