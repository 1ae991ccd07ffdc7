package org.convene.core.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.attendance.SessionAccess;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.Versions;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.SessionFeedbackRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.SessionFeedback;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SESSION_CHECK_IN;
import static org.convene.schema.core.Tables.SESSION_FEEDBACK;

/**
 * Rating a session. Who attended: a user whose ticket was scanned at the session's door; for
 * a session nobody was scanned at (the event does not scan at session doors), a user admitted
 * at the event's door (a CHECKED_IN registration). Once anyone is scanned at a session, only
 * scans count there, so an organizer who scans gets ratings from the room only.
 */
@Service
class FeedbackCommands {

	static final int MAX_COMMENT = 2000;

	private final DSLContext db;

	private final SessionAccess access;

	FeedbackCommands(DSLContext db, SessionAccess access) {
		this.db = db;
		this.access = access;
	}

	/** Inserts or edits the caller's feedback; of two first submissions at once, the later becomes an edit. */
	@Transactional
	SessionFeedback submit(SubmitSessionFeedbackRequest request) {
		Caller caller = RequestContext.current().caller();
		caller.require(Scopes.SESSIONS_WRITE);
		SessionRecord session = this.access.visible(caller, request.getSessionId(), "sessionId").session();
		UUID me = caller.requireUser();
		if (!attended(session, me)) {
			throw Caller.denied("Only attendees who attended the session may rate it");
		}
		short rating = rating(request.getRating());
		String comment = comment(request.getComment());
		if ("CANCELLED".equals(session.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A cancelled session cannot be rated",
					"Session '" + session.getId() + "' is CANCELLED", "sessionId");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (now.isBefore(session.getStartsAt())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A session can be rated once it has started",
					"Session '" + session.getId() + "' starts at " + session.getStartsAt(), "sessionId");
		}
		SessionFeedbackRecord current = this.db.selectFrom(SESSION_FEEDBACK)
			.where(SESSION_FEEDBACK.SESSION_ID.eq(session.getId()))
			.and(SESSION_FEEDBACK.USER_ID.eq(me))
			.forUpdate()
			.fetchOne();
		if (current == null && request.getExpectedVersion() != 0) {
			throw ApiException.of(ErrorCode.PRECONDITION_FAILED, "There is no feedback of yours to change",
					"Expected version " + request.getExpectedVersion() + " but you have not rated this session", "version");
		}
		if (current != null) {
			Versions.check("feedback", request.getExpectedVersion(), current.getVersion());
		}
		SessionFeedbackRecord saved = this.db.insertInto(SESSION_FEEDBACK)
			.set(SESSION_FEEDBACK.SESSION_ID, session.getId())
			.set(SESSION_FEEDBACK.USER_ID, me)
			.set(SESSION_FEEDBACK.RATING, rating)
			.set(SESSION_FEEDBACK.COMMENT, comment)
			.set(SESSION_FEEDBACK.CREATED_AT, now)
			.set(SESSION_FEEDBACK.UPDATED_AT, now)
			.onConflict(SESSION_FEEDBACK.SESSION_ID, SESSION_FEEDBACK.USER_ID)
			.doUpdate()
			.set(SESSION_FEEDBACK.RATING, rating)
			.set(SESSION_FEEDBACK.COMMENT, comment)
			.set(SESSION_FEEDBACK.UPDATED_AT, now)
			.set(SESSION_FEEDBACK.VERSION, SESSION_FEEDBACK.VERSION.plus(1L))
			.returning()
			.fetchSingle();
		return FeedbackMessages.feedback(saved);
	}

	private boolean attended(SessionRecord session, UUID user) {
		if (this.db.fetchExists(SESSION_CHECK_IN,
				SESSION_CHECK_IN.SESSION_ID.eq(session.getId()).and(SESSION_CHECK_IN.USER_ID.eq(user)))) {
			return true;
		}
		return !this.db.fetchExists(SESSION_CHECK_IN, SESSION_CHECK_IN.SESSION_ID.eq(session.getId()))
				&& this.db.fetchExists(REGISTRATION, REGISTRATION.EVENT_ID.eq(session.getEventId())
					.and(REGISTRATION.USER_ID.eq(user))
					.and(REGISTRATION.STATUS.eq("CHECKED_IN")));
	}

	private static short rating(int rating) {
		if (rating < 1 || rating > 5) {
			throw ApiException.invalid("rating", "must be 1 to 5, not " + rating);
		}
		return (short) rating;
	}

	/** The comment stripped, or null for none; Unicode code points count, as PostgreSQL's char_length does. */
	private static String comment(String value) {
		String comment = value.strip();
		if (comment.isEmpty()) {
			return null;
		}
		if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
			throw ApiException.invalid("comment", "must be at most " + MAX_COMMENT + " characters");
		}
		if (comment.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw ApiException.invalid("comment", "must not contain control characters other than line breaks and tabs");
		}
		return comment;
	}

}
