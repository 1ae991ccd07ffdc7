package org.convene.core.checkin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.ticket.RegistrationMessages;
import org.convene.core.ticket.TicketAccess;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.BulkCheckInRequest;
import org.convene.ticket.v1.proto.BulkCheckInResponse;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInResult;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansResponse;

/**
 * Admissions at the door: who may scan for an event, and what each call takes. Scans run one
 * transaction each, so one code of a bulk call or an upload never holds back the others.
 */
@Service
class CheckInCommands {

	static final int MAX_BULK = 500;

	private final Events events;

	private final DoorScans door;

	private final OfflineUploads uploads;

	private final TicketAccess access;

	private final TicketRegistrations registrations;

	private final AdmissionLog log;

	private final RegistrationMessages messages;

	CheckInCommands(Events events, DoorScans door, OfflineUploads uploads, TicketAccess access,
			TicketRegistrations registrations, AdmissionLog log, RegistrationMessages messages) {
		this.events = events;
		this.door = door;
		this.uploads = uploads;
		this.access = access;
		this.registrations = registrations;
		this.log = log;
		this.messages = messages;
	}

	CheckInResult checkIn(CheckInRequest request) {
		UUID eventId = managedEvent(request.getEventId());
		return this.door.scan(request.getCode(), eventId, ScanPoint.of(request.getDeviceId(), request.getLocation()));
	}

	BulkCheckInResponse bulkCheckIn(BulkCheckInRequest request) {
		UUID eventId = managedEvent(request.getEventId());
		ScanPoint point = ScanPoint.of(request.getDeviceId(), request.getLocation());
		ScanInput.count(request.getCodesCount(), MAX_BULK, "codes");
		BulkCheckInResponse.Builder response = BulkCheckInResponse.newBuilder();
		for (String code : request.getCodesList()) {
			response.addResults(this.door.scan(code, eventId, point));
		}
		return response.build();
	}

	UploadOfflineScansResponse upload(UploadOfflineScansRequest request) {
		UUID eventId = managedEvent(request.getEventId());
		ScanPoint point = ScanPoint.of(request.getDeviceId(), request.getLocation());
		List<Instant> times = OfflineUploads.validate(request);
		return this.uploads.upload(eventId, point, request, times);
	}

	/**
	 * Reverts the standing admission. Nothing goes to the outbox: the domain events Convene
	 * publishes name no reverted check-in, and the undone admission stays in core.check_in
	 * with who undid it, when and why, besides the audit log's record of the call.
	 */
	@Transactional
	Registration undo(UndoCheckInRequest request) {
		String reason = ScanInput.text(request.getReason(), "reason", 0, 500);
		RegistrationRecord registration = this.access.lockForOrganizer(caller(), request.getRegistrationId(),
				Scopes.CHECKIN_WRITE, "registrationId");
		if (!"CHECKED_IN".equals(registration.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "Only an admitted registration can be un-admitted",
					"Registration '" + registration.getId() + "' is " + registration.getStatus(), "registrationId");
		}
		this.log.revert(registration, this.registrations.admission(registration.getId()), reason.isEmpty() ? null : reason);
		return this.messages.toProto(registration);
	}

	private UUID managedEvent(String eventId) {
		UUID id = RequestIds.uuid(eventId, "eventId");
		this.events.managed(caller(), id, Scopes.CHECKIN_WRITE, "eventId");
		return id;
	}

	private static Caller caller() {
		return RequestContext.current().caller();
	}

}
