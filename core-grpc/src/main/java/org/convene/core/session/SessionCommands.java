package org.convene.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.Versions;
import org.convene.core.outbox.Outbox;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UnassignSpeakerRequest;
import org.convene.session.v1.proto.UpdateSessionRequest;

/**
 * Adds sessions to events, changes, cancels them and assigns their speakers: the event's
 * organizer or an administrator, with sessions:write. Each change records its domain event
 * with the session after it, in the same transaction.
 */
@Service
@Transactional
class SessionCommands {

	private final SessionRepository sessions;

	private final ScheduleConflicts conflicts;

	private final Events events;

	private final Outbox outbox;

	SessionCommands(SessionRepository sessions, ScheduleConflicts conflicts, Events events, Outbox outbox) {
		this.sessions = sessions;
		this.conflicts = conflicts;
		this.events = events;
		this.outbox = outbox;
	}

	Session create(CreateSessionRequest request) {
		Caller caller = RequestContext.current().caller();
		EventRecord event = this.events.managed(caller, RequestIds.uuid(request.getEventId(), "eventId"),
				Scopes.SESSIONS_WRITE, "eventId");
		requireOpen(event);
		List<FieldViolation> violations = new ArrayList<>();
		SessionRecord row = this.sessions.newRecord();
		row.setId(UUID.randomUUID());
		row.setEventId(event.getId());
		row.setEventStartsAt(event.getStartsAt());
		row.setEventEndsAt(event.getEndsAt());
		SessionDrafts.apply(request.getSession(), SessionDrafts.FIELDS, row, violations);
		SessionDrafts.check(row, event, violations);
		throwIfAny(violations);
		this.conflicts.write(row, List.of(), () -> this.sessions.insert(row));
		return record("session.created", row);
	}

	Session update(UpdateSessionRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = SessionDrafts.paths(request.getUpdateMask(), violations);
		throwIfAny(violations);
		Changing changing = lockManaged(request.getId(), "id");
		SessionRecord row = changing.session();
		Versions.check("session", request.getExpectedVersion(), row.getVersion());
		requireScheduled(row);
		requireOpen(changing.event());
		SessionDrafts.apply(request.getSession(), paths, row, violations);
		SessionDrafts.check(row, changing.event(), violations);
		throwIfAny(violations);
		SessionSeats.requireRoomForSeatsTaken(row);
		List<UUID> speakers = this.sessions.speakerIds(row.getId());
		this.conflicts.write(row, speakers, () -> this.sessions.update(row));
		return record("session.updated", row);
	}

	Session cancel(CancelSessionRequest request) {
		String reason = request.getReason().strip();
		if (reason.isEmpty() || reason.length() > 500) {
			throw ApiException.invalid("reason", "is required, 1 to 500 characters");
		}
		Changing changing = lockManaged(request.getId(), "id");
		SessionRecord row = changing.session();
		Versions.check("session", request.getExpectedVersion(), row.getVersion());
		requireScheduled(row);
		row.setStatus("CANCELLED");
		row.setCancellationReason(reason);
		row.setCancelledAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.sessions.update(row);
		return record("session.cancelled", row);
	}

	Session assign(AssignSpeakerRequest request) {
		Changing changing = lockManaged(request.getSessionId(), "sessionId");
		SessionRecord row = changing.session();
		UUID userId = RequestIds.uuid(request.getUserId(), "userId");
		String role = switch (request.getRole()) {
			case SPEAKER_ROLE_UNSPECIFIED -> SpeakerRole.SPEAKER.name();
			case UNRECOGNIZED -> throw ApiException.invalid("role", "must be SPEAKER, MODERATOR or PANELIST");
			default -> request.getRole().name();
		};
		Versions.check("session", request.getExpectedVersion(), row.getVersion());
		requireScheduled(row);
		requireOpen(changing.event());
		if (!this.sessions.userExists(userId)) {
			throw ApiException.notFound("user", userId.toString(), "userId");
		}
		boolean[] changed = new boolean[1];
		this.conflicts.write(row, List.of(userId), () -> changed[0] = this.sessions.assign(row, userId, role));
		if (!changed[0]) {
			return this.sessions.toProto(row);
		}
		this.sessions.update(row);
		return record("session.updated", row);
	}

	Session unassign(UnassignSpeakerRequest request) {
		Changing changing = lockManaged(request.getSessionId(), "sessionId");
		SessionRecord row = changing.session();
		UUID userId = RequestIds.uuid(request.getUserId(), "userId");
		Versions.check("session", request.getExpectedVersion(), row.getVersion());
		if (!this.sessions.unassign(row.getId(), userId)) {
			throw ApiException.of(ErrorCode.RESOURCE_NOT_FOUND, "The user does not speak at this session",
					"User '" + userId + "' is not a speaker of session '" + row.getId() + "'", "userId");
		}
		this.sessions.update(row);
		return record("session.updated", row);
	}

	/** The session, locked, if the caller manages its event; NOT_FOUND when its event is hidden from them. */
	private Changing lockManaged(String id, String target) {
		Caller caller = RequestContext.current().caller().require(Scopes.SESSIONS_WRITE);
		UUID sessionId = RequestIds.uuid(id, target);
		SessionRecord row = this.sessions.lock(sessionId, target);
		EventRecord event;
		try {
			event = this.events.visible(caller, row.getEventId(), target);
		}
		catch (ApiException ex) {
			throw ApiException.notFound("session", sessionId.toString(), target);
		}
		if (!this.events.manages(caller, event)) {
			throw Caller.denied("Only the event's organizer or an administrator may change its sessions");
		}
		return new Changing(row, event);
	}

	private Session record(String type, SessionRecord row) {
		Session api = this.sessions.toProto(row);
		this.outbox.record(type, "session", row.getId(), api);
		return api;
	}

	private static void requireScheduled(SessionRecord row) {
		if (!"SCHEDULED".equals(row.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A cancelled session no longer changes",
					"Session '" + row.getId() + "' is " + row.getStatus(), "status");
		}
	}

	private static void requireOpen(EventRecord event) {
		if (!"DRAFT".equals(event.getStatus()) && !"PUBLISHED".equals(event.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION,
					"The sessions of a " + event.getStatus().toLowerCase() + " event cannot change",
					"Event '" + event.getId() + "' is " + event.getStatus(), "eventId");
		}
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

	/** A session being changed, with its event. */
	private record Changing(SessionRecord session, EventRecord event) {
	}

}
