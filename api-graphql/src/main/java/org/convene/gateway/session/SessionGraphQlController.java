package org.convene.gateway.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.gateway.event.EventView;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.BatchListSessionsRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.ListSessionsResponse;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionServiceGrpc.SessionServiceBlockingStub;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UnassignSpeakerRequest;

/**
 * The {@code Session} type, {@code Event.sessions}, the session queries and mutations. The
 * sessions of a whole list of events, speakers included, cost one gRPC call.
 */
@Controller
class SessionGraphQlController {

	private final SessionServiceBlockingStub sessions;

	private final EventServiceBlockingStub events;

	SessionGraphQlController(SessionServiceBlockingStub sessions, EventServiceBlockingStub events) {
		this.sessions = sessions;
		this.events = events;
	}

	@QueryMapping
	SessionView session(@Argument String id) {
		return SessionView.of(this.sessions.getSession(GetSessionRequest.newBuilder().setId(id).build()));
	}

	@QueryMapping
	Connection<SessionView> sessions(@Argument String eventId, @Argument Map<String, Object> filter,
			@Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		return connection(this.sessions.listSessions(ListSessionsRequest.newBuilder()
			.setEventId(eventId)
			.setFilter(SessionInputs.filter(filter))
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build()));
	}

	@QueryMapping
	Connection<SessionView> mySessions(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, DataFetchingFieldSelectionSet selection) {
		return connection(this.sessions.listMySessions(ListMySessionsRequest.newBuilder()
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build()));
	}

	@MutationMapping
	Object createSession(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String eventId = (String) fields.remove("eventId");
		return UserErrors.orUserError(() -> result(this.sessions.createSession(SessionInputs.create(eventId, fields))));
	}

	@MutationMapping
	Object updateSession(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		long version = version(fields.remove("expectedVersion"));
		return UserErrors.orUserError(() -> result(this.sessions.updateSession(SessionInputs.update(id, fields, version))));
	}

	@MutationMapping
	Object cancelSession(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.sessions.cancelSession(CancelSessionRequest.newBuilder()
			.setId((String) input.get("id"))
			.setReason((String) input.get("reason"))
			.setExpectedVersion(version(input.get("expectedVersion")))
			.build())));
	}

	@MutationMapping
	Object assignSpeaker(@Argument Map<String, Object> input) {
		Object role = input.get("role");
		return UserErrors.orUserError(() -> result(this.sessions.assignSpeaker(AssignSpeakerRequest.newBuilder()
			.setSessionId((String) input.get("sessionId"))
			.setUserId((String) input.get("userId"))
			.setRole(role == null ? SpeakerRole.SPEAKER : SpeakerRole.valueOf(role.toString()))
			.setExpectedVersion(version(input.get("expectedVersion")))
			.build())));
	}

	@MutationMapping
	Object unassignSpeaker(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.sessions.unassignSpeaker(UnassignSpeakerRequest.newBuilder()
			.setSessionId((String) input.get("sessionId"))
			.setUserId((String) input.get("userId"))
			.setExpectedVersion(version(input.get("expectedVersion")))
			.build())));
	}

	/** {@code abstract} is a Java keyword, so the view calls it {@code abstractText}. */
	@SchemaMapping(typeName = "Session", field = "abstract")
	String abstractOf(SessionView session) {
		return session.abstractText();
	}

	@BatchMapping(typeName = "Event", field = "sessions")
	Map<EventView, List<SessionView>> eventSessions(List<EventView> events) {
		Map<String, List<SessionView>> lists = this.sessions
			.batchListSessions(BatchListSessionsRequest.newBuilder().addAllEventIds(Batches.keys(events, EventView::id)).build())
			.getListsList()
			.stream()
			.collect(Collectors.toMap(l -> l.getEventId(), l -> l.getSessionsList().stream().map(SessionView::of).toList()));
		Map<EventView, List<SessionView>> result = new LinkedHashMap<>();
		events.forEach(event -> result.put(event, lists.getOrDefault(event.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Session", field = "event")
	Map<SessionView, EventView> event(List<SessionView> sessions) {
		Map<String, EventView> found = this.events
			.batchGetEvents(BatchGetEventsRequest.newBuilder().addAllIds(Batches.keys(sessions, SessionView::eventId)).build())
			.getEventsList()
			.stream()
			.collect(Collectors.toMap(e -> e.getId(), EventView::of));
		return Batches.byKey(sessions, SessionView::eventId, found);
	}

	private static Connection<SessionView> connection(ListSessionsResponse response) {
		List<Connection.Edge<SessionView>> edges = response.getEdgesList()
			.stream()
			.map(edge -> new Connection.Edge<>(edge.getCursor(), SessionView.of(edge.getSession())))
			.toList();
		long total = response.getPageInfo().getTotalSize();
		return new Connection<>(edges, Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	private static long version(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private static SessionResult result(Session session) {
		return new SessionResult(SessionView.of(session));
	}

	/** The session a mutation produced. */
	record SessionResult(SessionView session) {
	}

}
