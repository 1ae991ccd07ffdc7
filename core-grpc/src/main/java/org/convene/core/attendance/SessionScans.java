package org.convene.core.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.google.protobuf.util.Timestamps;
import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.ticket.TicketCode;
import org.convene.core.ticket.TicketCodes;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.schema.core.tables.records.SessionCheckInRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.SessionCheckInOutcome;
import org.convene.session.v1.proto.SessionCheckInRequest;
import org.convene.session.v1.proto.SessionCheckInResult;

import static org.convene.schema.core.Tables.SESSION_BOOKMARK;
import static org.convene.schema.core.Tables.SESSION_CHECK_IN;

/**
 * Scans at a session's door, each in a transaction of its own, checked as at the event's
 * door (the same signed codes and revocation). The primary key (session, registration) has
 * the last word: of concurrent scans of one ticket exactly one inserts, the others wait for
 * it and report it. A session scan leaves the registration and the event's admissions alone.
 */
@Service
class SessionScans {

	/** How far a device's clock may run ahead of ours. */
	static final Duration MAX_AHEAD = Duration.ofMinutes(5);

	/** How old a scan may be when it arrives (a device that was offline). */
	static final Duration MAX_AGE = Duration.ofDays(7);

	private final DSLContext db;

	private final SessionAccess access;

	private final Events events;

	private final TicketCodes codes;

	private final TicketRegistrations registrations;

	SessionScans(DSLContext db, SessionAccess access, Events events, TicketCodes codes, TicketRegistrations registrations) {
		this.db = db;
		this.access = access;
		this.events = events;
		this.codes = codes;
		this.registrations = registrations;
	}

	@Transactional
	SessionCheckInResult scan(SessionCheckInRequest request) {
		Caller caller = RequestContext.current().caller();
		caller.require(Scopes.CHECKIN_WRITE);
		SessionRecord session = this.access.visible(caller, request.getSessionId(), "sessionId").session();
		// the event door's own rule, word for word
		this.events.managed(caller, session.getEventId(), Scopes.CHECKIN_WRITE, "sessionId");
		String device = deviceId(request.getDeviceId());
		Instant scannedAt = scannedAt(request);
		if ("CANCELLED".equals(session.getStatus())) {
			return outcome(SessionCheckInOutcome.SESSION_CANCELLED, null);
		}
		Optional<TicketCode> ticket = this.codes.read(request.getCode());
		if (ticket.isEmpty()) {
			return outcome(SessionCheckInOutcome.UNKNOWN_TICKET, null);
		}
		if (!ticket.get().eventId().equals(session.getEventId())) {
			return outcome(SessionCheckInOutcome.WRONG_EVENT, null);
		}
		RegistrationRecord registration = this.registrations.ofTicket(ticket.get(), session.getEventId(), false);
		if (registration == null) {
			return outcome(SessionCheckInOutcome.UNKNOWN_TICKET, null);
		}
		return switch (registration.getStatus()) {
			case "CONFIRMED", "CHECKED_IN" -> admit(session, registration, device, scannedAt);
			case "CANCELLED" -> outcome(SessionCheckInOutcome.REVOKED, registration);
			default -> outcome(SessionCheckInOutcome.NOT_CONFIRMED, registration);
		};
	}

	private SessionCheckInResult admit(SessionRecord session, RegistrationRecord registration, String device,
			Instant scannedAt) {
		SessionCheckInRecord first = admission(session, registration);
		if (first != null) {
			return admitted(SessionCheckInOutcome.ALREADY_ADMITTED, first, registration);
		}
		if (session.getRequiresSeat() && !holdsSeat(session, registration)) {
			return outcome(SessionCheckInOutcome.NO_SEAT, registration);
		}
		SessionCheckInRecord admission = this.db.insertInto(SESSION_CHECK_IN)
			.set(SESSION_CHECK_IN.SESSION_ID, session.getId())
			.set(SESSION_CHECK_IN.REGISTRATION_ID, registration.getId())
			.set(SESSION_CHECK_IN.USER_ID, registration.getUserId())
			.set(SESSION_CHECK_IN.SCANNED_AT, scannedAt)
			.set(SESSION_CHECK_IN.DEVICE_ID, device)
			.set(SESSION_CHECK_IN.RECORDED_BY, RequestContext.current().caller().describe())
			.onConflictDoNothing()
			.returning()
			.fetchOne();
		if (admission == null) {
			return admitted(SessionCheckInOutcome.ALREADY_ADMITTED, admission(session, registration), registration);
		}
		return admitted(SessionCheckInOutcome.ADMITTED, admission, registration);
	}

	private SessionCheckInRecord admission(SessionRecord session, RegistrationRecord registration) {
		return this.db.fetchOne(SESSION_CHECK_IN, SESSION_CHECK_IN.SESSION_ID.eq(session.getId())
			.and(SESSION_CHECK_IN.REGISTRATION_ID.eq(registration.getId())));
	}

	/** A guest's ticket (no user) can hold no seat: seats are reserved by users. */
	private boolean holdsSeat(SessionRecord session, RegistrationRecord registration) {
		return registration.getUserId() != null && this.db.fetchExists(SESSION_BOOKMARK, SESSION_BOOKMARK.SESSION_ID
			.eq(session.getId())
			.and(SESSION_BOOKMARK.USER_ID.eq(registration.getUserId()))
			.and(SESSION_BOOKMARK.SEAT.isTrue()));
	}

	private static SessionCheckInResult admitted(SessionCheckInOutcome outcome, SessionCheckInRecord admission,
			RegistrationRecord registration) {
		return outcome(outcome, registration).toBuilder()
			.setCheckIn(AttendanceMessages.checkIn(admission, registration.getAttendeeName()))
			.build();
	}

	private static SessionCheckInResult outcome(SessionCheckInOutcome outcome, RegistrationRecord registration) {
		SessionCheckInResult.Builder result = SessionCheckInResult.newBuilder().setOutcome(outcome);
		if (registration != null) {
			result.setRegistrationId(registration.getId().toString()).setAttendeeName(registration.getAttendeeName());
		}
		return result.build();
	}

	static String deviceId(String value) {
		String device = value.strip();
		if (device.isEmpty() || device.length() > 100 || device.codePoints().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("deviceId", "is required, 1 to 100 characters without control characters");
		}
		return device;
	}

	static Instant scannedAt(SessionCheckInRequest request) {
		Instant now = Instant.now();
		if (!request.hasScannedAt()) {
			return now.truncatedTo(ChronoUnit.MICROS);
		}
		if (!Timestamps.isValid(request.getScannedAt())) {
			throw ApiException.invalid("scannedAt", "must be a valid timestamp");
		}
		Instant scannedAt = Instant.ofEpochSecond(request.getScannedAt().getSeconds(), request.getScannedAt().getNanos())
			.truncatedTo(ChronoUnit.MICROS);
		if (scannedAt.isAfter(now.plus(MAX_AHEAD)) || scannedAt.isBefore(now.minus(MAX_AGE))) {
			throw ApiException.invalid("scannedAt", "must lie between 7 days ago and 5 minutes from now");
		}
		return scannedAt;
	}

}
