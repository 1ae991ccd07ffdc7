package org.convene.core.session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.BatchListSessionsResponse;
import org.convene.session.v1.proto.EventSessions;
import org.convene.session.v1.proto.GetScheduleRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.ListSessionsResponse;
import org.convene.session.v1.proto.Schedule;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionEdge;
import org.convene.session.v1.proto.SessionFilter;

import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/**
 * Reads sessions. Whoever may see the event (anonymous callers too) sees its sessions,
 * cancelled ones included; callers with credentials need sessions:read.
 */
@Service
@Transactional(readOnly = true)
class SessionQueries {

	static final int MAX_BATCH = 100;

	private final SessionRepository sessions;

	private final Events events;

	SessionQueries(SessionRepository sessions, Events events) {
		this.sessions = sessions;
		this.events = events;
	}

	Session get(String id) {
		Caller caller = reader();
		UUID sessionId = RequestIds.uuid(id, "id");
		SessionRecord row = this.sessions.find(sessionId);
		if (row == null || this.events.visible(caller, Set.of(row.getEventId())).isEmpty()) {
			throw ApiException.notFound("session", id, "id");
		}
		return this.sessions.toProto(row);
	}

	ListSessionsResponse list(ListSessionsRequest request) {
		Caller caller = reader();
		EventRecord event = this.events.visible(caller, RequestIds.uuid(request.getEventId(), "eventId"), "eventId");
		Condition filter = SessionListing.condition(event, request.getFilter());
		return response(this.sessions.page(filter, PageSpec.of(request.getPage(), SessionListing.KEYSET)));
	}

	ListSessionsResponse mine(ListMySessionsRequest request) {
		Caller caller = reader();
		UUID me = caller.requireUser();
		PageSpec spec = PageSpec.of(request.getPage(), SessionListing.KEYSET);
		Condition speaking = SESSION.ID.in(DSL.select(SESSION_SPEAKER.SESSION_ID)
			.from(SESSION_SPEAKER)
			.where(SESSION_SPEAKER.USER_ID.eq(me)));
		Set<UUID> eventIds = new LinkedHashSet<>(this.sessions.eventsOf(speaking));
		Set<UUID> visible = this.events.visible(caller, eventIds).stream().map(EventRecord::getId).collect(Collectors.toSet());
		return response(this.sessions.page(speaking.and(SESSION.EVENT_ID.in(visible)), spec));
	}

	BatchListSessionsResponse listAll(List<String> eventIds) {
		Caller caller = reader();
		if (eventIds.size() > MAX_BATCH) {
			throw ApiException.invalid("eventIds", "at most " + MAX_BATCH + " ids per call");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (int i = 0; i < eventIds.size(); i++) {
			ids.add(RequestIds.uuid(eventIds.get(i), "eventIds[" + i + "]"));
		}
		Set<UUID> visible = this.events.visible(caller, ids).stream().map(EventRecord::getId).collect(Collectors.toSet());
		Map<UUID, List<Session>> byEvent = new LinkedHashMap<>();
		this.sessions.toProto(this.sessions.ofEvents(visible))
			.forEach(session -> byEvent.computeIfAbsent(UUID.fromString(session.getEventId()), id -> new ArrayList<>())
				.add(session));
		BatchListSessionsResponse.Builder response = BatchListSessionsResponse.newBuilder();
		ids.stream()
			.filter(visible::contains)
			.forEach(id -> response.addLists(EventSessions.newBuilder()
				.setEventId(id.toString())
				.addAllSessions(byEvent.getOrDefault(id, List.of()))));
		return response.build();
	}

	Schedule schedule(GetScheduleRequest request) {
		Caller caller = reader();
		EventRecord event = this.events.visible(caller, RequestIds.uuid(request.getEventId(), "eventId"), "eventId");
		ZoneId zone = ZoneId.of(event.getTimeZone());
		List<String> days = days(event, zone);
		String day = request.getDay().isBlank() ? days.get(0) : request.getDay().strip();
		Condition onThatDay = SessionListing.condition(event, SessionFilter.newBuilder().setDay(day).build());
		return Schedule.newBuilder()
			.setEventId(event.getId().toString())
			.setDay(day)
			.setTimeZone(zone.getId())
			.addAllDays(days)
			.addAllSessions(this.sessions.toProto(this.sessions.byStart(onThatDay)))
			.build();
	}

	/** The dates in the event's time zone from its start to its (exclusive) end. */
	private static List<String> days(EventRecord event, ZoneId zone) {
		LocalDate first = event.getStartsAt().atZone(zone).toLocalDate();
		LocalDate last = event.getEndsAt().minusNanos(1).atZone(zone).toLocalDate();
		return first.datesUntil(last.plusDays(1)).map(LocalDate::toString).toList();
	}

	private ListSessionsResponse response(Page<SessionRecord> page) {
		List<Session> sessions = this.sessions.toProto(page.items());
		ListSessionsResponse.Builder response = ListSessionsResponse.newBuilder().setPageInfo(page.info());
		for (int i = 0; i < sessions.size(); i++) {
			response.addEdges(SessionEdge.newBuilder().setSession(sessions.get(i)).setCursor(page.cursors().get(i)));
		}
		return response.build();
	}

	private static Caller reader() {
		Caller caller = RequestContext.current().caller();
		return caller.isAnonymous() ? caller : caller.require(Scopes.SESSIONS_READ);
	}

}
