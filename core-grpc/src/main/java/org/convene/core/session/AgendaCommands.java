package org.convene.core.session;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.SessionBookmarkRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaEntry;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;
import org.convene.session.v1.proto.RemoveFromAgendaResponse;

/**
 * Adds sessions to the calling user's agenda and removes them, reserving and freeing the
 * seats of sessions that require one. Locks are taken in one order (the registration, the
 * bookmark, the session), the order a cancelled registration frees seats in, so concurrent
 * calls wait for each other instead of deadlocking.
 */
@Service
@Transactional
class AgendaCommands {

	private final SessionRepository sessions;

	private final AgendaRepository agendas;

	private final Events events;

	private final TransactionTemplate savepoint;

	AgendaCommands(SessionRepository sessions, AgendaRepository agendas, Events events,
			PlatformTransactionManager transactions) {
		this.sessions = sessions;
		this.agendas = agendas;
		this.events = events;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	AgendaEntry add(AddToAgendaRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.SESSIONS_WRITE);
		UUID me = caller.requireUser();
		SessionRecord session = visibleSession(caller, request.getSessionId());
		if (!"SCHEDULED".equals(session.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A cancelled session cannot be added to an agenda",
					"Session '" + session.getId() + "' was cancelled: " + session.getCancellationReason(), "sessionId");
		}
		if (!session.getRequiresSeat()) {
			this.agendas.bookmark(session.getId(), me);
			return entry(session.getId(), me);
		}
		SessionBookmarkRecord existing = this.agendas.find(session.getId(), me);
		if (existing != null && existing.getSeat()) {
			return entry(session.getId(), me);
		}
		if (!this.agendas.lockAttendance(session.getEventId(), me)) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A seat at this session needs a registration for its event",
					"Session '" + session.getId() + "' requires a seat; only attendees with a confirmed registration for event '"
							+ session.getEventId() + "' may reserve one. Register first (a waitlisted or unpaid registration "
							+ "does not count)",
					"sessionId");
		}
		if (this.agendas.bookmarkWithSeat(session.getId(), me)) {
			takeSeat(session);
		}
		return entry(session.getId(), me);
	}

	RemoveFromAgendaResponse remove(RemoveFromAgendaRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.SESSIONS_WRITE);
		UUID me = caller.requireUser();
		UUID sessionId = RequestIds.uuid(request.getSessionId(), "sessionId");
		Boolean seat = this.agendas.remove(sessionId, me);
		if (seat == null) {
			// Not in the agenda: fine, unless there is no such session for this caller.
			visibleSession(caller, request.getSessionId());
		}
		else if (seat) {
			this.agendas.freeSeat(sessionId);
		}
		return RemoveFromAgendaResponse.newBuilder()
			.setSessionId(sessionId.toString())
			.setRemoved(seat != null)
			.setSeatFreed(Boolean.TRUE.equals(seat))
			.build();
	}

	/** One seat more, in a savepoint: a full session's refusal by the database becomes SOLD_OUT. */
	private void takeSeat(SessionRecord session) {
		try {
			this.savepoint.executeWithoutResult(status -> this.agendas.takeSeat(session.getId()));
		}
		catch (RuntimeException ex) {
			if (SessionSeats.WITHIN_CAPACITY.equals(ScheduleConflicts.constraintOf(ex))) {
				throw SessionSeats.full(this.sessions.find(session.getId()));
			}
			throw ex;
		}
	}

	/** The session, if its event is visible to the caller; NOT_FOUND otherwise. */
	private SessionRecord visibleSession(Caller caller, String id) {
		UUID sessionId = RequestIds.uuid(id, "sessionId");
		SessionRecord row = this.sessions.find(sessionId);
		if (row == null || this.events.visible(caller, Set.of(row.getEventId())).isEmpty()) {
			throw ApiException.notFound("session", sessionId.toString(), "sessionId");
		}
		return row;
	}

	private AgendaEntry entry(UUID sessionId, UUID userId) {
		return AgendaEntries.of(this.sessions.toProto(this.sessions.find(sessionId)), this.agendas.find(sessionId, userId));
	}

}
