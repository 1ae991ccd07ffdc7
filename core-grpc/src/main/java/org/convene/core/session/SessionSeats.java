package org.convene.core.session;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.SessionRecord;

/**
 * The seats of sessions that require one. The database keeps the count within the capacity
 * (013-session-attendance.sql); these name its refusals in words an organizer or attendee
 * can act on.
 */
final class SessionSeats {

	/** The constraints of 013-session-attendance.sql, as PostgreSQL names them in its messages. */
	static final String WITHIN_CAPACITY = "session_seats_within_capacity";

	static final String HAS_CAPACITY = "session_seated_has_capacity";

	private SessionSeats() {
	}

	/** Fails when a seated session's capacity (as changed on the locked row) is below the seats already reserved. */
	static void requireRoomForSeatsTaken(SessionRecord row) {
		if (Boolean.TRUE.equals(row.getRequiresSeat()) && row.getCapacity() != null
				&& row.getCapacity() < row.getSeatsTaken()) {
			throw fewerThanTaken(row);
		}
	}

	static ApiException fewerThanTaken(SessionRecord row) {
		return ApiException.of(ErrorCode.INVALID_STATE_TRANSITION,
				"The capacity cannot be lower than the seats already taken",
				row.getSeatsTaken() + " seats of session '" + row.getId() + "' are taken; a capacity of "
						+ row.getCapacity() + " would leave no seat for some of them. Raise it to at least "
						+ row.getSeatsTaken() + ", or ask attendees to free seats first",
				"capacity");
	}

	static ApiException full(SessionRecord row) {
		return ApiException.of(ErrorCode.SOLD_OUT, "The session has no seats left",
				"All " + row.getCapacity() + " seats of session '" + row.getTitle() + "' (" + row.getId() + ") are taken",
				"sessionId");
	}

}
