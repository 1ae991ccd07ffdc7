package org.convene.core.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Condition;

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
import org.convene.schema.core.tables.records.SessionBookmarkRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.AgendaEdge;
import org.convene.session.v1.proto.AgendaStatus;
import org.convene.session.v1.proto.BatchGetAgendaStatusResponse;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.ListAgendaResponse;
import org.convene.session.v1.proto.Session;

import static org.convene.schema.core.Tables.SESSION;

/** Reads the calling user's agenda: their own only, with sessions:read. */
@Service
@Transactional(readOnly = true)
class AgendaQueries {

	private final SessionRepository sessions;

	private final AgendaRepository agendas;

	private final Events events;

	AgendaQueries(SessionRepository sessions, AgendaRepository agendas, Events events) {
		this.sessions = sessions;
		this.agendas = agendas;
		this.events = events;
	}

	ListAgendaResponse list(ListAgendaRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.SESSIONS_READ);
		UUID me = caller.requireUser();
		PageSpec spec = PageSpec.of(request.getPage(), SessionListing.KEYSET);
		Condition mine = AgendaRepository.inAgendaOf(me);
		Condition filter;
		if (request.getEventId().isBlank()) {
			Set<UUID> eventIds = new LinkedHashSet<>(this.sessions.eventsOf(mine));
			Set<UUID> visible = this.events.visible(caller, eventIds).stream().map(EventRecord::getId).collect(Collectors.toSet());
			filter = mine.and(SESSION.EVENT_ID.in(visible));
		}
		else {
			EventRecord event = this.events.visible(caller, RequestIds.uuid(request.getEventId(), "eventId"), "eventId");
			filter = mine.and(SESSION.EVENT_ID.eq(event.getId()));
		}
		Page<SessionRecord> page = this.sessions.page(filter, spec);
		List<Session> listed = this.sessions.toProto(page.items());
		Map<UUID, SessionBookmarkRecord> bookmarks = this.agendas.of(me,
				page.items().stream().map(SessionRecord::getId).toList());
		ListAgendaResponse.Builder response = ListAgendaResponse.newBuilder().setPageInfo(page.info());
		for (int i = 0; i < listed.size(); i++) {
			response.addEdges(AgendaEdge.newBuilder()
				.setEntry(AgendaEntries.of(listed.get(i), bookmarks.get(page.items().get(i).getId())))
				.setCursor(page.cursors().get(i)));
		}
		return response.build();
	}

	BatchGetAgendaStatusResponse statuses(List<String> sessionIds) {
		Caller caller = RequestContext.current().caller();
		if (!caller.isAnonymous()) {
			caller.require(Scopes.SESSIONS_READ);
		}
		if (sessionIds.size() > SessionQueries.MAX_BATCH) {
			throw ApiException.invalid("sessionIds", "at most " + SessionQueries.MAX_BATCH + " ids per call");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (int i = 0; i < sessionIds.size(); i++) {
			ids.add(RequestIds.uuid(sessionIds.get(i), "sessionIds[" + i + "]"));
		}
		Map<UUID, SessionBookmarkRecord> bookmarks = caller.userId() == null || ids.isEmpty() ? Map.of()
				: this.agendas.of(caller.userId(), ids);
		BatchGetAgendaStatusResponse.Builder response = BatchGetAgendaStatusResponse.newBuilder();
		for (String id : sessionIds) {
			SessionBookmarkRecord bookmark = bookmarks.get(UUID.fromString(id));
			response.addStatuses(AgendaStatus.newBuilder()
				.setSessionId(id)
				.setInAgenda(bookmark != null)
				.setHoldsSeat(bookmark != null && bookmark.getSeat()));
		}
		return response.build();
	}

}
