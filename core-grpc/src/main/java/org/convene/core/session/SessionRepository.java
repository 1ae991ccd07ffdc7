package org.convene.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.schema.core.tables.records.SessionSpeakerRecord;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionSpeaker;
import org.convene.session.v1.proto.SpeakerRole;

import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/** Reads and writes session rows and their speakers. */
@Repository
class SessionRepository {

	/** Kinds of advisory lock keys (high 32 bits), one range per thing locked. */
	private static final int ROOM_LOCKS = 0x5e5510;

	private static final int SPEAKER_LOCKS = 0x5e5511;

	private final DSLContext db;

	SessionRepository(DSLContext db) {
		this.db = db;
	}

	/** A new row with the column defaults already set, so it maps like a stored one. */
	SessionRecord newRecord() {
		SessionRecord row = this.db.newRecord(SESSION);
		row.setAbstract("");
		row.setTags(new String[0]);
		row.setStatus("SCHEDULED");
		row.setRequiresSeat(false);
		row.setSeatsTaken(0);
		return row;
	}

	SessionRecord find(UUID id) {
		return this.db.fetchOne(SESSION, SESSION.ID.eq(id));
	}

	SessionRecord lock(UUID id, String target) {
		SessionRecord row = this.db.selectFrom(SESSION).where(SESSION.ID.eq(id)).forUpdate().fetchOne();
		if (row == null) {
			throw ApiException.notFound("session", id.toString(), target);
		}
		return row;
	}

	/** Every session of these events, each event's by start. */
	List<SessionRecord> ofEvents(Collection<UUID> eventIds) {
		return this.db.selectFrom(SESSION)
			.where(SESSION.EVENT_ID.in(eventIds))
			.orderBy(SESSION.EVENT_ID, SESSION.STARTS_AT, SESSION.ID)
			.fetch();
	}

	/** Every session the condition selects, by start time (then id). */
	List<SessionRecord> byStart(Condition condition) {
		return this.db.selectFrom(SESSION).where(condition).orderBy(SESSION.STARTS_AT, SESSION.ID).fetch();
	}

	Page<SessionRecord> page(Condition filter, PageSpec spec) {
		return Pager.fetch(this.db, SESSION, filter, SessionListing.KEYSET, spec);
	}

	/** The session rows as the API shows them, speakers included (two queries, whatever the number). */
	List<Session> toProto(List<SessionRecord> rows) {
		Map<UUID, List<SessionSpeaker>> speakers = speakers(rows.stream().map(SessionRecord::getId).toList());
		return rows.stream().map(row -> SessionRecords.toProto(row, speakers.getOrDefault(row.getId(), List.of()))).toList();
	}

	Session toProto(SessionRecord row) {
		return toProto(List.of(row)).get(0);
	}

	private Map<UUID, List<SessionSpeaker>> speakers(Collection<UUID> sessionIds) {
		Map<UUID, List<SessionSpeaker>> speakers = new LinkedHashMap<>();
		if (sessionIds.isEmpty()) {
			return speakers;
		}
		this.db.select(SESSION_SPEAKER.SESSION_ID, SESSION_SPEAKER.USER_ID, SESSION_SPEAKER.ROLE, APP_USER.DISPLAY_NAME)
			.from(SESSION_SPEAKER)
			.join(APP_USER)
			.on(APP_USER.ID.eq(SESSION_SPEAKER.USER_ID))
			.where(SESSION_SPEAKER.SESSION_ID.in(sessionIds))
			.orderBy(SESSION_SPEAKER.SESSION_ID, SESSION_SPEAKER.ASSIGNED_AT, SESSION_SPEAKER.USER_ID)
			.forEach(r -> speakers.computeIfAbsent(r.value1(), id -> new ArrayList<>())
				.add(SessionSpeaker.newBuilder()
					.setUserId(r.value2().toString())
					.setRole(SpeakerRole.valueOf(r.value3()))
					.setName(r.value4())
					.build()));
		return speakers;
	}

	void insert(SessionRecord row) {
		Instant now = now();
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		row.setVersion(1L);
		row.insert();
	}

	/** Stores the changed row with the next version; its speakers follow its time and status (ON UPDATE CASCADE). */
	void update(SessionRecord row) {
		row.setUpdatedAt(now());
		row.setVersion(row.getVersion() + 1);
		row.update();
	}

	/** Adds the speaker or changes their role; true when anything changed. */
	boolean assign(SessionRecord session, UUID userId, String role) {
		SessionSpeakerRecord existing = this.db.fetchOne(SESSION_SPEAKER,
				SESSION_SPEAKER.SESSION_ID.eq(session.getId()).and(SESSION_SPEAKER.USER_ID.eq(userId)));
		if (existing != null) {
			if (existing.getRole().equals(role)) {
				return false;
			}
			existing.setRole(role);
			existing.update();
			return true;
		}
		this.db.insertInto(SESSION_SPEAKER)
			.set(SESSION_SPEAKER.SESSION_ID, session.getId())
			.set(SESSION_SPEAKER.USER_ID, userId)
			.set(SESSION_SPEAKER.ROLE, role)
			.set(SESSION_SPEAKER.STARTS_AT, session.getStartsAt())
			.set(SESSION_SPEAKER.ENDS_AT, session.getEndsAt())
			.set(SESSION_SPEAKER.STATUS, session.getStatus())
			.set(SESSION_SPEAKER.ASSIGNED_AT, now())
			.execute();
		return true;
	}

	boolean unassign(UUID sessionId, UUID userId) {
		return this.db.deleteFrom(SESSION_SPEAKER)
			.where(SESSION_SPEAKER.SESSION_ID.eq(sessionId).and(SESSION_SPEAKER.USER_ID.eq(userId)))
			.execute() > 0;
	}

	boolean userExists(UUID userId) {
		return this.db.fetchExists(APP_USER, APP_USER.ID.eq(userId));
	}

	/** Scheduled sessions of the event in the room (ignoring case) overlapping the time, other than the session. */
	List<SessionRecord> inRoom(UUID eventId, String room, Instant start, Instant end, UUID except) {
		return this.db.selectFrom(SESSION)
			.where(SESSION.EVENT_ID.eq(eventId))
			.and(DSL.lower(SESSION.ROOM).eq(room.toLowerCase(Locale.ROOT)))
			.and(overlapping(start, end, except))
			.orderBy(SESSION.STARTS_AT)
			.fetch();
	}

	/** Scheduled sessions a user speaks at overlapping the time, other than the session. */
	List<SessionRecord> ofSpeakers(Collection<UUID> userIds, Instant start, Instant end, UUID except) {
		return this.db.selectFrom(SESSION)
			.where(SESSION.ID.in(DSL.select(SESSION_SPEAKER.SESSION_ID)
				.from(SESSION_SPEAKER)
				.where(SESSION_SPEAKER.USER_ID.in(userIds))))
			.and(overlapping(start, end, except))
			.orderBy(SESSION.STARTS_AT)
			.fetch();
	}

	/**
	 * Takes this transaction's advisory locks on the room and the speakers a schedule write may
	 * contend for, in one fixed order. Two concurrent writes that would both insert into an
	 * exclusion constraint otherwise each wait for the other's uncommitted row, which
	 * PostgreSQL ends as a deadlock; queued, the second finds the first committed and is
	 * refused with the conflict.
	 */
	void lockSchedule(SessionRecord session, Collection<UUID> speakers) {
		SortedSet<Long> keys = new TreeSet<>();
		if (session.getRoom() != null) {
			keys.add(lockKey(ROOM_LOCKS, session.getEventId() + "/" + session.getRoom().toLowerCase(Locale.ROOT)));
		}
		speakers.forEach(speaker -> keys.add(lockKey(SPEAKER_LOCKS, speaker.toString())));
		keys.forEach(key -> this.db.execute("SELECT pg_advisory_xact_lock(?)", key));
	}

	/** A lock key: the kind in the high 32 bits, a stable hash of the name in the low (collisions only queue). */
	private static long lockKey(int kind, String name) {
		return ((long) kind << 32) | (name.hashCode() & 0xffffffffL);
	}

	/** The events of the sessions the condition selects. */
	List<UUID> eventsOf(Condition condition) {
		return this.db.selectDistinct(SESSION.EVENT_ID).from(SESSION).where(condition).fetch(SESSION.EVENT_ID);
	}

	/** The speakers of a session. */
	List<UUID> speakerIds(UUID sessionId) {
		return this.db.select(SESSION_SPEAKER.USER_ID)
			.from(SESSION_SPEAKER)
			.where(SESSION_SPEAKER.SESSION_ID.eq(sessionId))
			.fetch(SESSION_SPEAKER.USER_ID);
	}

	private static Condition overlapping(Instant start, Instant end, UUID except) {
		return SESSION.STATUS.eq("SCHEDULED")
			.and(SESSION.STARTS_AT.lt(end))
			.and(SESSION.ENDS_AT.gt(start))
			.and(SESSION.ID.ne(except));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
