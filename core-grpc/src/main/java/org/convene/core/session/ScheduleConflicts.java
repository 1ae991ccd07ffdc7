package org.convene.core.session;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ApiError;
import org.convene.schema.core.tables.records.SessionRecord;

/**
 * Writes that the schedule's database rules may refuse. Each runs in a savepoint, so a refusal
 * leaves the transaction usable: the session it conflicts with (committed by then, as
 * PostgreSQL lets an exclusion constraint wait for a concurrent transaction to end) is read
 * and named in the error. Two concurrent edits that conflict cannot both commit; writes to one
 * room or one speaker's time queue (advisory locks), so the second is refused, not deadlocked.
 */
@Component
class ScheduleConflicts {

	/** The constraints of 012-sessions.sql, as PostgreSQL names them in its messages. */
	static final String ROOM = "session_room_free";

	static final String SPEAKER = "session_speaker_free";

	static final String WITHIN_EVENT = "session_within_event";

	static final String EVENT_TIME = "session_event_time";

	private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([a-z_]+)\"");

	private final TransactionTemplate savepoint;

	private final SessionRepository sessions;

	ScheduleConflicts(PlatformTransactionManager transactions, SessionRepository sessions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.sessions = sessions;
	}

	/**
	 * Runs the write; a schedule rule it breaks becomes SCHEDULE_CONFLICT naming the other
	 * session, or a validation error when the session left its event's time.
	 * @param session the session as it is written
	 * @param speakers the users speaking at it, whose other sessions may conflict
	 */
	void write(SessionRecord session, Collection<UUID> speakers, Runnable write) {
		this.sessions.lockSchedule(session, speakers);
		try {
			this.savepoint.executeWithoutResult(status -> write.run());
		}
		catch (RuntimeException ex) {
			String constraint = constraintOf(ex);
			if (constraint == null) {
				throw ex;
			}
			switch (constraint) {
				case ROOM -> throw roomTaken(session, ex);
				case SPEAKER -> throw speakerBusy(session, speakers, ex);
				case SessionSeats.WITHIN_CAPACITY -> throw SessionSeats.fewerThanTaken(session);
				case SessionSeats.HAS_CAPACITY -> throw new ApiException(ApiError.validation(List.of(
						new FieldViolation("requiresSeat", "needs a capacity: the number of seats"))));
				case WITHIN_EVENT, EVENT_TIME -> throw new ApiException(ApiError.validation(List.of(
						new FieldViolation("startsAt", "the session must lie within its event's time, which has changed; read the event again"))));
				default -> throw ex;
			}
		}
	}

	private RuntimeException roomTaken(SessionRecord session, RuntimeException failure) {
		List<SessionRecord> others = this.sessions.inRoom(session.getEventId(), session.getRoom(), session.getStartsAt(),
				session.getEndsAt(), session.getId());
		if (others.isEmpty()) {
			return failure;
		}
		SessionRecord other = others.get(0);
		return conflict("Room '" + session.getRoom() + "' is taken at that time", other, "room");
	}

	private RuntimeException speakerBusy(SessionRecord session, Collection<UUID> speakers, RuntimeException failure) {
		List<SessionRecord> others = this.sessions.ofSpeakers(speakers, session.getStartsAt(), session.getEndsAt(),
				session.getId());
		if (others.isEmpty()) {
			return failure;
		}
		return conflict("A speaker of the session speaks at another session at that time", others.get(0), "speakers");
	}

	private static ApiException conflict(String message, SessionRecord other, String target) {
		return ApiException.of(ErrorCode.SCHEDULE_CONFLICT, message,
				"Conflicts with session '" + other.getTitle() + "' (" + other.getId() + ", " + other.getStartsAt() + " to "
						+ other.getEndsAt() + (other.getRoom() == null ? "" : ", room " + other.getRoom()) + ")",
				target);
	}

	/** The name of the constraint a database failure names, or {@code null}. */
	static String constraintOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException && cause.getMessage() != null) {
				Matcher matcher = CONSTRAINT.matcher(cause.getMessage());
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
