package org.convene.gateway.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaServiceGrpc.AgendaServiceBlockingStub;
import org.convene.session.v1.proto.AgendaStatus;
import org.convene.session.v1.proto.BatchGetAgendaStatusRequest;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.ListAgendaResponse;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;
import org.convene.session.v1.proto.RemoveFromAgendaResponse;

/**
 * {@code myAgenda}, {@code addToAgenda}, {@code removeFromAgenda} and the caller's agenda on
 * {@code Session}: whether a whole list of sessions is in it costs one gRPC call (one per 100
 * sessions), however many sessions the list holds.
 */
@Controller
class AgendaGraphQlController {

	/** Most sessions core answers for in one BatchGetAgendaStatus call. */
	static final int BATCH = 100;

	private final AgendaServiceBlockingStub agenda;

	AgendaGraphQlController(AgendaServiceBlockingStub agenda) {
		this.agenda = agenda;
	}

	@QueryMapping
	Connection<AgendaEntryView> myAgenda(@Argument String eventId, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		ListAgendaRequest.Builder request = ListAgendaRequest.newBuilder()
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")));
		if (eventId != null) {
			request.setEventId(eventId);
		}
		ListAgendaResponse response = this.agenda.listAgenda(request.build());
		List<Connection.Edge<AgendaEntryView>> edges = response.getEdgesList()
			.stream()
			.map(edge -> new Connection.Edge<>(edge.getCursor(), AgendaEntryView.of(edge.getEntry())))
			.toList();
		long total = response.getPageInfo().getTotalSize();
		return new Connection<>(edges, Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	@MutationMapping
	Object addToAgenda(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new AgendaEntryResult(AgendaEntryView.of(this.agenda
			.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId((String) input.get("sessionId")).build()))));
	}

	@MutationMapping
	Object removeFromAgenda(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> {
			RemoveFromAgendaResponse removed = this.agenda
				.removeFromAgenda(RemoveFromAgendaRequest.newBuilder().setSessionId((String) input.get("sessionId")).build());
			return new RemoveFromAgendaResult(removed.getSessionId(), removed.getRemoved(), removed.getSeatFreed());
		});
	}

	@BatchMapping(typeName = "Session", field = "inMyAgenda")
	Map<SessionView, Boolean> inMyAgenda(List<SessionView> sessions) {
		Map<String, AgendaStatus> statuses = statuses(sessions);
		Map<SessionView, Boolean> result = new LinkedHashMap<>();
		sessions.forEach(session -> result.put(session, statuses.get(session.id()).getInAgenda()));
		return result;
	}

	@BatchMapping(typeName = "Session", field = "holdsMySeat")
	Map<SessionView, Boolean> holdsMySeat(List<SessionView> sessions) {
		Map<String, AgendaStatus> statuses = statuses(sessions);
		Map<SessionView, Boolean> result = new LinkedHashMap<>();
		sessions.forEach(session -> result.put(session, statuses.get(session.id()).getHoldsSeat()));
		return result;
	}

	/** The caller's agenda status of every session, by id, in one call per {@value #BATCH} sessions. */
	private Map<String, AgendaStatus> statuses(List<SessionView> sessions) {
		List<String> ids = Batches.keys(sessions, SessionView::id);
		Map<String, AgendaStatus> statuses = new HashMap<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			this.agenda
				.batchGetAgendaStatus(BatchGetAgendaStatusRequest.newBuilder()
					.addAllSessionIds(ids.subList(from, Math.min(ids.size(), from + BATCH)))
					.build())
				.getStatusesList()
				.forEach(status -> statuses.put(status.getSessionId(), status));
		}
		return statuses;
	}

	/** The agenda entry a mutation produced. */
	record AgendaEntryResult(AgendaEntryView entry) {
	}

	/** What removing a session from the agenda did. */
	record RemoveFromAgendaResult(String sessionId, boolean removed, boolean seatFreed) {
	}

}
