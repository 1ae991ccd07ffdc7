package org.convene.gateway.checkin;

import java.time.OffsetDateTime;


import org.convene.gateway.registration.RegistrationView;
import org.convene.grpc.ProtoTime;
import org.convene.ticket.v1.proto.CheckInListEntry;
import org.convene.ticket.v1.proto.CheckInRecord;
import org.convene.ticket.v1.proto.CheckInResult;
import org.convene.ticket.v1.proto.OfflineScanResult;
import org.convene.ticket.v1.proto.Ticket;
import org.convene.ticket.v1.proto.TicketValidation;

/** How tickets and admissions look through REST and GraphQL. */
final class CheckInViews {

	private CheckInViews() {
	}

	/** A ticket: the code its QR code holds, and where its PDF is. */
	record TicketView(String registrationId, String eventId, String ticketTypeId, String code, String keyId,
			OffsetDateTime issuedAt, String pdfUrl) {

		static TicketView of(Ticket ticket) {
			return new TicketView(ticket.getRegistrationId(), ticket.getEventId(), ticket.getTicketTypeId(),
					ticket.getCode(), ticket.getKeyId(), ProtoTime.utc(ticket.hasIssuedAt(), ticket.getIssuedAt()),
					"/api/v1/registrations/" + ticket.getRegistrationId() + "/ticket.pdf");
		}

	}

	/** One admission: when, where, by which device, and whether it was uploaded from offline. */
	record CheckInView(String id, String registrationId, String eventId, OffsetDateTime scannedAt, String deviceId,
			String location, boolean offline, String recordedBy) {

		static CheckInView of(CheckInRecord record) {
			return new CheckInView(record.getId(), record.getRegistrationId(), record.getEventId(),
					ProtoTime.utc(true, record.getScannedAt()), record.getDeviceId(), record.getLocation(),
					record.getOffline(),
					record.getRecordedBy());
		}

		static CheckInView ofNullable(boolean present, CheckInRecord record) {
			return present ? of(record) : null;
		}

	}

	/** What a scan did. */
	record CheckInResultView(String outcome, RegistrationView registration, CheckInView checkIn) {

		static CheckInResultView of(CheckInResult result) {
			return new CheckInResultView(result.getOutcome().name(),
					result.hasRegistration() ? RegistrationView.of(result.getRegistration()) : null,
					CheckInView.ofNullable(result.hasCheckIn(), result.getCheckIn()));
		}

	}

	/** What a ticket code is now. */
	record ValidationView(String state, RegistrationView registration, CheckInView checkIn) {

		static ValidationView of(TicketValidation validation) {
			return new ValidationView(validation.getState().name(),
					validation.hasRegistration() ? RegistrationView.of(validation.getRegistration()) : null,
					CheckInView.ofNullable(validation.hasCheckIn(), validation.getCheckIn()));
		}

	}

	/** What became of one uploaded offline scan. */
	record OfflineScanResultView(int index, String outcome, CheckInView admission) {

		static OfflineScanResultView of(OfflineScanResult result) {
			return new OfflineScanResultView(result.getIndex(), result.getOutcome().name(),
					CheckInView.ofNullable(result.hasAdmission(), result.getAdmission()));
		}

	}

	/** One line of a check-in list. */
	record CheckInListEntryView(RegistrationView registration, CheckInView checkIn) {

		static CheckInListEntryView of(CheckInListEntry entry) {
			return new CheckInListEntryView(RegistrationView.of(entry.getRegistration()),
					CheckInView.ofNullable(entry.hasCheckIn(), entry.getCheckIn()));
		}

	}

}
