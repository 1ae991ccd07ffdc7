package org.convene.gateway.authz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.google.protobuf.FieldMask;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.BatchListSessionsRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.GetScheduleRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UnassignSpeakerRequest;
import org.convene.session.v1.proto.UpdateSessionRequest;
import org.convene.grpc.ProtoTime;

/**
 * The matrix rows of sessions: whoever may see the owner's published event reads its
 * sessions; the owner (and administrators) change them; "my sessions" is any signed-in user's
 * own. Sessions are made without a room and speakers are fresh users, so fixtures never
 * conflict with each other; one event and one session serve every row that leaves them usable
 * (only cancelling needs a session of its own), which keeps the matrix within the 5 minutes
 * its callers' tokens live.
 */
final class SessionRows {

	private static final String START = "2030-03-04T18:00:00+01:00";

	private static final String END = "2030-03-04T18:30:00+01:00";

	private final Doors doors;

	private final WebTestClient admin;

	private final Supplier<String> ownersPublishedEvent;

	private final Supplier<String> freshUser;

	/** One published event of the owner's and one session of it, shared by the rows that leave them usable. */
	private String event;

	private String session;

	SessionRows(Doors doors, WebTestClient admin, Supplier<String> ownersPublishedEvent, Supplier<String> freshUser) {
		this.doors = doors;
		this.admin = admin;
		this.ownersPublishedEvent = ownersPublishedEvent;
		this.freshUser = freshUser;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/events/{eventId}/sessions", Expect.publicRead(), (w, c) -> this.doors.rest(c, HttpMethod.GET,
				"/api/v1/events/" + event() + "/sessions", null)));
		ops.add(row("POST /api/v1/events/{eventId}/sessions", Expect.owner(), (w, c) -> this.doors.rest(c, HttpMethod.POST,
				"/api/v1/events/" + event() + "/sessions", sessionJson())));
		ops.add(row("GET /api/v1/sessions/{id}", Expect.publicRead(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + shared(), null)));
		ops.add(row("PATCH /api/v1/sessions/{id}", Expect.owner(), (w, c) -> this.doors.rest(c, HttpMethod.PATCH,
				"/api/v1/sessions/" + shared(), Map.of("title", "Changed"))));
		ops.add(row("POST /api/v1/sessions/{id}/cancel", Expect.owner(), (w, c) -> this.doors.rest(c, HttpMethod.POST,
				"/api/v1/sessions/" + session() + "/cancel", Map.of("reason", "Matrix"))));
		ops.add(row("PUT /api/v1/sessions/{id}/speakers/{userId}", Expect.owner(), (w, c) -> this.doors.rest(c,
				HttpMethod.PUT, "/api/v1/sessions/" + shared() + "/speakers/" + this.freshUser.get(), Map.of("role", "SPEAKER"))));
		ops.add(row("DELETE /api/v1/sessions/{id}/speakers/{userId}", Expect.owner(), (w, c) -> {
			String[] withSpeaker = sessionWithSpeaker();
			return this.doors.rest(c, HttpMethod.DELETE, "/api/v1/sessions/" + withSpeaker[0] + "/speakers/" + withSpeaker[1], null);
		}));
		ops.add(row("GET /api/v1/events/{eventId}/schedule", Expect.publicRead(), (w, c) -> this.doors.rest(c, HttpMethod.GET,
				"/api/v1/events/" + event() + "/schedule?groupBy=track", null)));
		ops.add(row("GET /api/v1/users/me/sessions", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/users/me/sessions", null)));

		ops.add(row("Query.session", Expect.publicRead(), (w, c) -> this.doors.graphQl(c,
				"query($id: ID!) { session(id: $id) { id speakers { name } } }", Map.of("id", shared()), "session")));
		ops.add(row("Query.sessions", Expect.publicRead(), (w, c) -> this.doors.graphQl(c,
				"query($id: ID!) { sessions(eventId: $id, first: 5) { nodes { id } } }",
				Map.of("id", event()), "sessions")));
		ops.add(row("Query.schedule", Expect.publicRead(), (w, c) -> this.doors.graphQl(c,
				"query($id: ID!) { schedule(eventId: $id) { days rooms { name sessions { id } } } }", Map.of("id", event()),
				"schedule")));
		ops.add(row("Query.mySessions", Expect.self(),
				(w, c) -> this.doors.graphQl(c, "{ mySessions(first: 5) { nodes { id } } }", Map.of(), "mySessions")));
		ops.add(row("Mutation.createSession", Expect.owner(), (w, c) -> {
			Map<String, Object> input = sessionJson();
			input.put("eventId", event());
			return this.doors.graphQl(c, "mutation($input: CreateSessionInput!) { createSession(input: $input) { __typename } }",
					Map.of("input", input), "createSession");
		}));
		ops.add(row("Mutation.updateSession", Expect.owner(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: UpdateSessionInput!) { updateSession(input: $input) { __typename } }",
				Map.of("input", Map.of("id", shared(), "title", "Changed")), "updateSession")));
		ops.add(row("Mutation.cancelSession", Expect.owner(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: CancelSessionInput!) { cancelSession(input: $input) { __typename } }",
				Map.of("input", Map.of("id", session(), "reason", "Matrix")), "cancelSession")));
		ops.add(row("Mutation.assignSpeaker", Expect.owner(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: AssignSpeakerInput!) { assignSpeaker(input: $input) { __typename } }",
				Map.of("input", Map.of("sessionId", shared(), "userId", this.freshUser.get())), "assignSpeaker")));
		ops.add(row("Mutation.unassignSpeaker", Expect.owner(), (w, c) -> {
			String[] withSpeaker = sessionWithSpeaker();
			return this.doors.graphQl(c, "mutation($input: UnassignSpeakerInput!) { unassignSpeaker(input: $input) { __typename } }",
					Map.of("input", Map.of("sessionId", withSpeaker[0], "userId", withSpeaker[1])), "unassignSpeaker");
		}));

		String service = "convene.session.v1.SessionService/";
		ops.add(row(service + "GetSession", Expect.publicRead(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.getSession(GetSessionRequest.newBuilder().setId(shared()).build()))));
		ops.add(row(service + "ListSessions", Expect.publicRead(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.listSessions(ListSessionsRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row(service + "BatchListSessions", Expect.publicRead(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.batchListSessions(BatchListSessionsRequest.newBuilder().addEventIds(event()).build()))));
		ops.add(row(service + "GetSchedule", Expect.publicRead(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.getSchedule(GetScheduleRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row(service + "ListMySessions", Expect.self(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.listMySessions(ListMySessionsRequest.getDefaultInstance()))));
		ops.add(row(service + "CreateSession", Expect.owner(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.createSession(CreateSessionRequest.newBuilder()
					.setEventId(event())
					.setSession(SessionDraft.newBuilder()
						.setTitle("Matrix session")
						.setStartsAt(ProtoTime.of(java.time.OffsetDateTime.parse(START).toInstant()))
						.setEndsAt(ProtoTime.of(java.time.OffsetDateTime.parse(END).toInstant())))
					.build()))));
		ops.add(row(service + "UpdateSession", Expect.owner(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.updateSession(UpdateSessionRequest.newBuilder()
					.setId(shared())
					.setSession(SessionDraft.newBuilder().setTitle("Changed"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
					.build()))));
		ops.add(row(service + "CancelSession", Expect.owner(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.cancelSession(CancelSessionRequest.newBuilder().setId(session()).setReason("Matrix").build()))));
		ops.add(row(service + "AssignSpeaker", Expect.owner(), (w, c) -> this.doors.grpc(c, SessionServiceGrpc::newBlockingStub,
				s -> s.assignSpeaker(AssignSpeakerRequest.newBuilder()
					.setSessionId(shared())
					.setUserId(this.freshUser.get())
					.setRole(SpeakerRole.MODERATOR)
					.build()))));
		ops.add(row(service + "UnassignSpeaker", Expect.owner(), (w, c) -> {
			String[] withSpeaker = sessionWithSpeaker();
			return this.doors.grpc(c, SessionServiceGrpc::newBlockingStub, s -> s.unassignSpeaker(UnassignSpeakerRequest.newBuilder()
				.setSessionId(withSpeaker[0])
				.setUserId(withSpeaker[1])
				.build()));
		}));
		return ops;
	}

	private static Map<String, Object> sessionJson() {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("title", "Matrix session");
		session.put("startsAt", START);
		session.put("endsAt", END);
		return session;
	}

	private String event() {
		if (this.event == null) {
			this.event = this.ownersPublishedEvent.get();
		}
		return this.event;
	}

	private String shared() {
		if (this.session == null) {
			this.session = session();
		}
		return this.session;
	}

	/** A new session of the owner's published event, made by an administrator. */
	private String session() {
		Map<?, ?> created = this.admin.post()
			.uri("/api/v1/events/{id}/sessions", event())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(sessionJson())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	/** The shared session and a fresh user who speaks at it. */
	private String[] sessionWithSpeaker() {
		String session = shared();
		String user = this.freshUser.get();
		this.admin.put()
			.uri("/api/v1/sessions/{id}/speakers/{userId}", session, user)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "SPEAKER"))
			.exchange()
			.expectStatus()
			.isOk();
		return new String[] { session, user };
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
