package org.convene.core.registration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.Versions;
import org.convene.core.outbox.Outbox;
import org.convene.core.tickettype.TicketTypes;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.TICKET_TYPE;

/** Changes, cancels and confirms registrations. */
@Service
@Transactional
class RegistrationCommands {

	private static final Set<String> FIELDS = Set.of("attendee.name", "attendee.email", "answers");

	private final RegistrationRepository registrations;

	private final RegistrationAccess access;

	private final Cancellations cancellations;

	private final Outbox outbox;

	private final DSLContext db;

	RegistrationCommands(RegistrationRepository registrations, RegistrationAccess access, Cancellations cancellations,
			Outbox outbox, DSLContext db) {
		this.registrations = registrations;
		this.access = access;
		this.cancellations = cancellations;
		this.outbox = outbox;
		this.db = db;
	}

	Registration update(UpdateRegistrationRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = paths(request, violations);
		throwIfAny(violations);
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_WRITE);
		RegistrationRecord row = locked(caller, request.getId());
		Versions.check("registration", request.getExpectedVersion(), row.getVersion());
		if ("CANCELLED".equals(row.getStatus())) {
			throw transition(row, "A cancelled registration cannot be changed");
		}
		String name = paths.contains("attendee.name") ? request.getAttendee().getName().strip() : row.getAttendeeName();
		String email = paths.contains("attendee.email") ? request.getAttendee().getEmail().strip() : row.getAttendeeEmail();
		Attendees.check(name, email, violations);
		if (paths.contains("answers")) {
			var questions = TicketTypes.questions(this.db.fetchOne(TICKET_TYPE, TICKET_TYPE.ID.eq(row.getTicketTypeId())));
			Map<String, String> answers = Answers.check(questions, request.getAnswersMap(), violations);
			row.setAnswers(RegistrationRecords.answersJson(answers));
		}
		throwIfAny(violations);
		row.setAttendeeName(name);
		row.setAttendeeEmail(email);
		this.registrations.update(row, RegistrationRecords.now());
		return record(DomainEvents.UPDATED, row);
	}

	Registration cancel(CancelRegistrationRequest request) {
		String reason = request.getReason().strip();
		if (reason.isEmpty() || reason.length() > 500) {
			throw ApiException.invalid("reason", "is required, 1 to 500 characters");
		}
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_WRITE);
		RegistrationRecord row = locked(caller, request.getId());
		Versions.check("registration", request.getExpectedVersion(), row.getVersion());
		if ("CANCELLED".equals(row.getStatus()) || "CHECKED_IN".equals(row.getStatus())) {
			throw transition(row, "A " + row.getStatus().toLowerCase().replace('_', ' ') + " registration cannot be cancelled");
		}
		return this.cancellations.cancel(row.getEventId(), List.of(row), reason, Outbox.Origin.current()).get(0);
	}

	/** For the payments service (internal credentials) and administrators. */
	Registration confirm(ConfirmRegistrationRequest request) {
		Caller caller = RequestContext.current().caller();
		if (!caller.hasScope(Scopes.INTERNAL) && !caller.isAdmin()) {
			throw caller.isAnonymous() ? Caller.unauthenticated()
					: Caller.denied("Only the payments service and administrators confirm registrations");
		}
		UUID id = Applications.uuid(request.getId(), "id");
		RegistrationRecord row = this.registrations.lock(id);
		if (!"PENDING_PAYMENT".equals(row.getStatus())) {
			throw transition(row, "Only a registration awaiting payment can be confirmed");
		}
		if (request.getPaymentReference().length() > 200) {
			throw ApiException.invalid("paymentReference", "must be at most 200 characters");
		}
		row.setStatus("CONFIRMED");
		row.setConfirmedAt(RegistrationRecords.now());
		row.setHoldExpiresAt(null);
		row.setPaymentReference(request.getPaymentReference().isEmpty() ? null : request.getPaymentReference());
		this.registrations.update(row, RegistrationRecords.now());
		return record(DomainEvents.CONFIRMED, row);
	}

	private RegistrationRecord locked(Caller caller, String id) {
		UUID registrationId = Applications.uuid(id, "id");
		return this.access.require(caller, this.registrations.lock(registrationId), registrationId);
	}

	private Registration record(String type, RegistrationRecord row) {
		Registration registration = RegistrationRecords.toProto(row,
				this.registrations.waitlistPositions(List.of(row)).getOrDefault(row.getId(), 0));
		this.outbox.record(DomainEvents.entry(type, registration, Outbox.Origin.current()));
		return registration;
	}

	private static Set<String> paths(UpdateRegistrationRequest request, List<FieldViolation> violations) {
		Set<String> paths = new LinkedHashSet<>();
		for (String path : request.getUpdateMask().getPathsList()) {
			if (FIELDS.contains(path)) {
				paths.add(path);
			}
			else {
				violations.add(new FieldViolation("updateMask", "'" + path + "' is not a writable field of a registration"));
			}
		}
		if (request.getUpdateMask().getPathsCount() == 0) {
			violations.add(new FieldViolation("updateMask", "name at least one of attendee.name, attendee.email, answers"));
		}
		return paths;
	}

	private static ApiException transition(RegistrationRecord row, String message) {
		return ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, message,
				"Registration '" + row.getId() + "' is " + row.getStatus(), "status");
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

}
