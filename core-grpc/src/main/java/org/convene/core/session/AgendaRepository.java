package org.convene.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.convene.schema.core.tables.records.SessionBookmarkRecord;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_BOOKMARK;

/**
 * Reads and writes the sessions in users' agendas ({@code core.session_bookmark}: one row per
 * user and session, {@code seat} when it holds one of the session's seats) and the seat
 * counts of sessions. Every write that changes a bookmark's seat changes the session's
 * {@code seats_taken} in the same transaction, so the count always equals the seat bookmarks.
 */
@Repository
class AgendaRepository {

	private final DSLContext db;

	AgendaRepository(DSLContext db) {
		this.db = db;
	}

	SessionBookmarkRecord find(UUID sessionId, UUID userId) {
		return this.db.fetchOne(SESSION_BOOKMARK,
				SESSION_BOOKMARK.SESSION_ID.eq(sessionId).and(SESSION_BOOKMARK.USER_ID.eq(userId)));
	}

	/** The user's bookmarks of these sessions, by session. */
	Map<UUID, SessionBookmarkRecord> of(UUID userId, Collection<UUID> sessionIds) {
		return this.db.selectFrom(SESSION_BOOKMARK)
			.where(SESSION_BOOKMARK.USER_ID.eq(userId))
			.and(SESSION_BOOKMARK.SESSION_ID.in(sessionIds))
			.fetchMap(SESSION_BOOKMARK.SESSION_ID);
	}

	/** Adds a bookmark without a seat; nothing when the user has one already. */
	void bookmark(UUID sessionId, UUID userId) {
		this.db.insertInto(SESSION_BOOKMARK)
			.set(SESSION_BOOKMARK.SESSION_ID, sessionId)
			.set(SESSION_BOOKMARK.USER_ID, userId)
			.set(SESSION_BOOKMARK.SEAT, false)
			.set(SESSION_BOOKMARK.CREATED_AT, now())
			.onConflictDoNothing()
			.execute();
	}

	/**
	 * Adds a bookmark holding a seat, or gives the user's bookmark the seat it lacks; false
	 * when it held one already (also when a concurrent call of the same user just took it: the
	 * insert waits for that call to end).
	 */
	boolean bookmarkWithSeat(UUID sessionId, UUID userId) {
		return this.db.insertInto(SESSION_BOOKMARK)
			.set(SESSION_BOOKMARK.SESSION_ID, sessionId)
			.set(SESSION_BOOKMARK.USER_ID, userId)
			.set(SESSION_BOOKMARK.SEAT, true)
			.set(SESSION_BOOKMARK.CREATED_AT, now())
			.onConflict(SESSION_BOOKMARK.SESSION_ID, SESSION_BOOKMARK.USER_ID)
			.doUpdate()
			.set(SESSION_BOOKMARK.SEAT, true)
			.where(SESSION_BOOKMARK.SEAT.isFalse())
			.execute() > 0;
	}

	/** Removes the bookmark; null when there was none, else whether it held a seat. */
	Boolean remove(UUID sessionId, UUID userId) {
		return this.db.deleteFrom(SESSION_BOOKMARK)
			.where(SESSION_BOOKMARK.SESSION_ID.eq(sessionId).and(SESSION_BOOKMARK.USER_ID.eq(userId)))
			.returning(SESSION_BOOKMARK.SEAT)
			.fetchOne(SESSION_BOOKMARK.SEAT);
	}

	/** One seat more; the session's CHECK refuses one more than its capacity. */
	void takeSeat(UUID sessionId) {
		this.db.update(SESSION).set(SESSION.SEATS_TAKEN, SESSION.SEATS_TAKEN.plus(1)).where(SESSION.ID.eq(sessionId)).execute();
	}

	void freeSeat(UUID sessionId) {
		this.db.update(SESSION).set(SESSION.SEATS_TAKEN, SESSION.SEATS_TAKEN.minus(1)).where(SESSION.ID.eq(sessionId)).execute();
	}

	/**
	 * Whether the user holds a CONFIRMED or CHECKED_IN registration for the event. The row is
	 * locked FOR SHARE, so its cancellation (which frees the user's seats, 014-agenda-seats.sql)
	 * waits until this transaction ends and then sees the seat it reserved.
	 */
	boolean lockAttendance(UUID eventId, UUID userId) {
		Record2<UUID, String> registration = this.db.select(REGISTRATION.ID, REGISTRATION.STATUS)
			.from(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.eq(eventId))
			.and(REGISTRATION.USER_ID.eq(userId))
			.and(REGISTRATION.STATUS.in("CONFIRMED", "CHECKED_IN"))
			.limit(1)
			.forShare()
			.fetchOne();
		return registration != null;
	}

	/** The condition selecting the sessions in the user's agenda. */
	static org.jooq.Condition inAgendaOf(UUID userId) {
		return SESSION.ID.in(DSL.select(SESSION_BOOKMARK.SESSION_ID)
			.from(SESSION_BOOKMARK)
			.where(SESSION_BOOKMARK.USER_ID.eq(userId)));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
