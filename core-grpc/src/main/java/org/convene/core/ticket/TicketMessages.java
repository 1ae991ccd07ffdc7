package org.convene.core.ticket;

import org.convene.grpc.ProtoTime;
import org.convene.ticket.v1.proto.CheckInRecord;
import org.convene.ticket.v1.proto.TicketState;

/** API forms of admissions and ticket states. */
public final class TicketMessages {

	private TicketMessages() {
	}

	public static CheckInRecord admission(org.convene.schema.core.tables.records.CheckInRecord row) {
		return CheckInRecord.newBuilder()
			.setId(row.getId().toString())
			.setRegistrationId(row.getRegistrationId().toString())
			.setEventId(row.getEventId().toString())
			.setScannedAt(ProtoTime.of(row.getScannedAt()))
			.setDeviceId(row.getDeviceId())
			.setLocation(row.getLocation())
			.setOffline(row.getOffline())
			.setRecordedBy(row.getRecordedBy())
			.build();
	}

	/** What a ticket of a registration in this status is worth at the door. */
	public static TicketState state(String registrationStatus) {
		return switch (registrationStatus) {
			case "CONFIRMED" -> TicketState.VALID;
			case "CHECKED_IN" -> TicketState.ALREADY_CHECKED_IN;
			case "CANCELLED" -> TicketState.REVOKED;
			default -> TicketState.NOT_CONFIRMED;
		};
	}

	/** Whether a registration in this status has a ticket. */
	public static boolean hasTicket(String registrationStatus) {
		return "CONFIRMED".equals(registrationStatus) || "CHECKED_IN".equals(registrationStatus);
	}

}
