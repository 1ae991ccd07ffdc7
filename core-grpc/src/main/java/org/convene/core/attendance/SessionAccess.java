package org.convene.core.attendance;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;

import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/**
 * Who may reach a session beyond reading it: a session of an event the caller may not see
 * does not exist for them (NOT_FOUND); its event's organizer and administrators manage it;
 * its speakers read what concerns their own session.
 */
@Component
public class SessionAccess {

	/** Most sessions a batch call takes. */
	public static final int MAX_BATCH = 100;

	private final DSLContext db;

	private final Events events;

	SessionAccess(DSLContext db, Events events) {
		this.db = db;
		this.events = events;
	}

	/**
	 * A session as one of its readers reaches it.
	 *
	 * @param session the session
	 * @param event its event
	 * @param manages whether the caller is the event's organizer or an administrator (not only a speaker)
	 */
	public record Reached(SessionRecord session, EventRecord event, boolean manages) {
	}

	/** The session, if the caller may see its event; NOT_FOUND otherwise. */
	public Reached visible(Caller caller, String id, String target) {
		UUID sessionId = RequestIds.uuid(id, target);
		SessionRecord session = this.db.fetchOne(SESSION, SESSION.ID.eq(sessionId));
		List<EventRecord> event = session == null ? List.of() : this.events.visible(caller, Set.of(session.getEventId()));
		if (event.isEmpty()) {
			throw ApiException.notFound("session", id, target);
		}
		return new Reached(session, event.get(0), this.events.manages(caller, event.get(0)));
	}

	/** The session, for its event's organizer or an administrator holding {@code scope}. */
	public Reached managed(Caller caller, String id, String scope, String target) {
		caller.require(scope);
		Reached reached = visible(caller, id, target);
		if (!reached.manages()) {
			throw Caller.denied("Only the event's organizer or an administrator may do this");
		}
		return reached;
	}

	/** The session, for its event's organizer, an administrator or one of its speakers holding {@code scope}. */
	public Reached managedOrSpoken(Caller caller, String id, String scope, String target) {
		caller.require(scope);
		Reached reached = visible(caller, id, target);
		if (!reached.manages() && !speaks(caller, Set.of(reached.session().getId())).contains(reached.session().getId())) {
			throw Caller.denied("Only the event's organizer, an administrator or the session's speakers may do this");
		}
		return reached;
	}

	/**
	 * Those of the sessions the caller (holding {@code scope}) manages or speaks at, by start
	 * time; the others are left out. INVALID_ARGUMENT for more than {@link #MAX_BATCH} ids.
	 */
	public List<SessionRecord> managedOrSpoken(Caller caller, List<String> ids, String scope) {
		caller.require(scope);
		Set<UUID> sessionIds = ids(ids);
		List<SessionRecord> sessions = this.db.selectFrom(SESSION)
			.where(SESSION.ID.in(sessionIds))
			.orderBy(SESSION.STARTS_AT, SESSION.ID)
			.fetch();
		Map<UUID, EventRecord> visible = this.events
			.visible(caller, sessions.stream().map(SessionRecord::getEventId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(EventRecord::getId, Function.identity()));
		Set<UUID> spoken = speaks(caller, sessionIds);
		return sessions.stream().filter(session -> {
			EventRecord event = visible.get(session.getEventId());
			return event != null && (this.events.manages(caller, event) || spoken.contains(session.getId()));
		}).toList();
	}

	/** The sessions of an event its organizer or an administrator (holding {@code scope}) manages, by start time. */
	public List<SessionRecord> ofManagedEvent(Caller caller, String eventId, String scope) {
		EventRecord event = this.events.managed(caller, RequestIds.uuid(eventId, "eventId"), scope, "eventId");
		return this.db.selectFrom(SESSION)
			.where(SESSION.EVENT_ID.eq(event.getId()))
			.orderBy(SESSION.STARTS_AT, SESSION.ID)
			.fetch();
	}

	/** Those of the sessions the caller may see, by start time (for their own data). */
	public List<SessionRecord> visible(Caller caller, List<String> ids) {
		Set<UUID> sessionIds = ids(ids);
		List<SessionRecord> sessions = this.db.selectFrom(SESSION)
			.where(SESSION.ID.in(sessionIds))
			.orderBy(SESSION.STARTS_AT, SESSION.ID)
			.fetch();
		Set<UUID> visible = this.events
			.visible(caller, sessions.stream().map(SessionRecord::getEventId).collect(Collectors.toSet()))
			.stream()
			.map(EventRecord::getId)
			.collect(Collectors.toSet());
		return sessions.stream().filter(session -> visible.contains(session.getEventId())).toList();
	}

	/** Those of the sessions the calling user speaks at (any role). */
	private Set<UUID> speaks(Caller caller, Collection<UUID> sessionIds) {
		if (caller.userId() == null || sessionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.db.select(SESSION_SPEAKER.SESSION_ID)
			.from(SESSION_SPEAKER)
			.where(SESSION_SPEAKER.SESSION_ID.in(sessionIds))
			.and(SESSION_SPEAKER.USER_ID.eq(caller.userId()))
			.fetch(SESSION_SPEAKER.SESSION_ID));
	}

	private static Set<UUID> ids(List<String> ids) {
		if (ids.size() > MAX_BATCH) {
			throw ApiException.invalid("sessionIds", "at most " + MAX_BATCH + " ids per call");
		}
		Set<UUID> sessionIds = new HashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			sessionIds.add(RequestIds.uuid(ids.get(i), "sessionIds[" + i + "]"));
		}
		return sessionIds;
	}

}
