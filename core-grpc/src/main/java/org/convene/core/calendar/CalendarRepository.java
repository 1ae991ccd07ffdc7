package org.convene.core.calendar;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import org.convene.schema.core.tables.records.CalendarFeedRecord;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;

import static org.convene.schema.core.Tables.CALENDAR_FEED;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_BOOKMARK;

/** Reads what calendars show, and reads and writes the agenda feeds. */
@Repository
class CalendarRepository {

	/** Registrations that put their event into the holder's agenda. */
	private static final List<String> ATTENDING = List.of("CONFIRMED", "CHECKED_IN");

	private final DSLContext db;

	CalendarRepository(DSLContext db) {
		this.db = db;
	}

	/** Every occurrence of a series, whatever its status, by original start. */
	List<EventRecord> occurrences(UUID seriesId) {
		return this.db.selectFrom(EVENT)
			.where(EVENT.SERIES_ID.eq(seriesId))
			.orderBy(EVENT.ORIGINAL_STARTS_AT)
			.fetch();
	}

	/** Every session of the events, cancelled ones included, by start. */
	List<SessionRecord> sessions(Collection<UUID> eventIds) {
		return this.db.selectFrom(SESSION)
			.where(SESSION.EVENT_ID.in(eventIds))
			.orderBy(SESSION.STARTS_AT, SESSION.ID)
			.fetch();
	}

	/** The events the user holds a confirmed or checked-in registration for. */
	List<UUID> attendedEvents(UUID userId) {
		return this.db.selectDistinct(REGISTRATION.EVENT_ID)
			.from(REGISTRATION)
			.where(REGISTRATION.USER_ID.eq(userId))
			.and(REGISTRATION.STATUS.in(ATTENDING))
			.fetch(REGISTRATION.EVENT_ID);
	}

	/** The sessions in the user's agenda. */
	List<SessionRecord> bookmarkedSessions(UUID userId) {
		return this.db.select(SESSION.fields())
			.from(SESSION)
			.join(SESSION_BOOKMARK)
			.on(SESSION_BOOKMARK.SESSION_ID.eq(SESSION.ID))
			.where(SESSION_BOOKMARK.USER_ID.eq(userId))
			.orderBy(SESSION.STARTS_AT, SESSION.ID)
			.fetchInto(SESSION);
	}

	CalendarFeedRecord newFeed() {
		return this.db.newRecord(CALENDAR_FEED);
	}

	/** The feed whose token has this hash, revoked or not. */
	CalendarFeedRecord feedByTokenHash(byte[] hash) {
		return this.db.fetchOne(CALENDAR_FEED, CALENDAR_FEED.TOKEN_HASH.eq(hash));
	}

	List<CalendarFeedRecord> feedsOf(UUID userId) {
		return this.db.selectFrom(CALENDAR_FEED)
			.where(CALENDAR_FEED.USER_ID.eq(userId))
			.orderBy(CALENDAR_FEED.CREATED_AT.desc(), CALENDAR_FEED.ID.desc())
			.fetch();
	}

	/** The feed, locked until the transaction ends; null when there is none. */
	CalendarFeedRecord lockFeed(UUID id) {
		return this.db.selectFrom(CALENDAR_FEED).where(CALENDAR_FEED.ID.eq(id)).forUpdate().fetchOne();
	}

}
