package org.convene.gateway.authz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.gateway.support.Json;
import org.convene.session.v1.proto.BatchGetSessionAttendanceRequest;
import org.convene.session.v1.proto.BatchGetSessionFeedbackSummariesRequest;
import org.convene.session.v1.proto.GetSessionAttendanceRequest;
import org.convene.session.v1.proto.GetSessionFeedbackSummaryRequest;
import org.convene.session.v1.proto.ListEventSessionAttendanceRequest;
import org.convene.session.v1.proto.ListEventSessionFeedbackRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackRequest;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc;
import org.convene.session.v1.proto.SessionCheckInRequest;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;

import static org.convene.gateway.authz.Outcome.ALLOWED;
import static org.convene.gateway.authz.Outcome.DENIED;
import static org.convene.gateway.authz.Outcome.HIDDEN;

/**
 * The matrix rows of session attendance and feedback. One fixture serves them all: a public
 * event of the owner's that is under way, one session of it that has started, at which
 * SPEAKER speaks and to which ATTENDEE (registered with their own account) was admitted and
 * which they rated. Scans use a code that is none (UNKNOWN_TICKET, a 200), so no row changes
 * what another one reads.
 */
final class AttendanceRows {

	private final Doors doors;

	private final Callers callers;

	private final WebTestClient admin;

	private final WebTestClient anonymous;

	private String event;

	private String session;

	AttendanceRows(Doors doors, Callers callers, WebTestClient admin, WebTestClient anonymous) {
		this.doors = doors;
		this.callers = callers;
		this.admin = admin;
		this.anonymous = anonymous;
	}

	/** The owner, administrators and the session's speakers. */
	private static Map<Who, Outcome> ownerOrSpeaker() {
		Map<Who, Outcome> expected = Expect.owner();
		expected.put(Who.SPEAKER, ALLOWED);
		return expected;
	}

	/** Only who attended the session, as themself: ATTENDEE. */
	private static Map<Who, Outcome> attendedIt() {
		Map<Who, Outcome> expected = Expect.self();
		for (Who who : List.of(Who.SPEAKER, Who.OWNER, Who.OTHER_ORGANIZER, Who.ADMIN, Who.API_KEY)) {
			expected.put(who, DENIED);
		}
		return expected;
	}

	/** One's own rating: found for ATTENDEE, who rated it, not found for other users. */
	private static Map<Who, Outcome> ownRating() {
		Map<Who, Outcome> expected = Expect.self();
		for (Who who : List.of(Who.SPEAKER, Who.OWNER, Who.OTHER_ORGANIZER, Who.ADMIN, Who.API_KEY)) {
			expected.put(who, HIDDEN);
		}
		return expected;
	}

	/** A batch that leaves out what the caller may not read: anyone with sessions:read. */
	private static Map<Who, Outcome> batch() {
		Map<Who, Outcome> expected = Expect.self();
		expected.put(Who.PARTNER, ALLOWED);
		return expected;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("POST /api/v1/sessions/{id}/check-ins", Expect.owner(), (w, c) -> this.doors.rest(c, HttpMethod.POST,
				"/api/v1/sessions/" + session() + "/check-ins", Map.of("code", "not a code", "deviceId", "matrix"))));
		ops.add(row("GET /api/v1/sessions/{id}/attendance", ownerOrSpeaker(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/attendance", null)));
		ops.add(row("GET /api/v1/events/{eventId}/session-attendance", Expect.owner(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/events/" + event() + "/session-attendance", null)));
		ops.add(row("GET /api/v1/sessions/{id}/attendees", Expect.owner(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/attendees", null)));
		ops.add(row("PUT /api/v1/sessions/{id}/feedback", attendedIt(), (w, c) -> this.doors.rest(c, HttpMethod.PUT,
				"/api/v1/sessions/" + session() + "/feedback", Map.of("rating", 4, "comment", "Matrix"))));
		ops.add(row("GET /api/v1/sessions/{id}/feedback", ownRating(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/feedback", null)));
		ops.add(row("GET /api/v1/sessions/{id}/feedback/summary", ownerOrSpeaker(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/feedback/summary", null)));
		ops.add(row("GET /api/v1/sessions/{id}/feedback/comments", ownerOrSpeaker(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/feedback/comments", null)));
		ops.add(row("GET /api/v1/events/{eventId}/session-feedback", Expect.owner(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/events/" + event() + "/session-feedback", null)));

		ops.add(row("Mutation.checkInToSession", Expect.owner(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: CheckInToSessionInput!) { checkInToSession(input: $input) { __typename } }",
				Map.of("input", Map.of("sessionId", session(), "code", "not a code", "deviceId", "matrix")), "checkInToSession")));
		ops.add(row("Mutation.submitSessionFeedback", attendedIt(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: SubmitSessionFeedbackInput!) { submitSessionFeedback(input: $input) { __typename } }",
				Map.of("input", Map.of("sessionId", session(), "rating", 4)), "submitSessionFeedback")));
		ops.add(row("Query.sessionAttendees", Expect.owner(), (w, c) -> this.doors.graphQl(c,
				"query($id: ID!) { sessionAttendees(sessionId: $id, first: 5) { nodes { attendeeName } } }",
				Map.of("id", session()), "sessionAttendees")));
		ops.add(row("Query.sessionFeedbackComments", ownerOrSpeaker(), (w, c) -> this.doors.graphQl(c,
				"query($id: ID!) { sessionFeedbackComments(sessionId: $id, first: 5) { nodes { comment } } }",
				Map.of("id", session()), "sessionFeedbackComments")));

		String attendance = "convene.session.v1.SessionAttendanceService/";
		ops.add(row(attendance + "CheckInToSession", Expect.owner(), (w, c) -> this.doors.grpc(c,
				SessionAttendanceServiceGrpc::newBlockingStub, s -> s.checkInToSession(SessionCheckInRequest.newBuilder()
					.setSessionId(session()).setCode("not a code").setDeviceId("matrix").build()))));
		ops.add(row(attendance + "GetSessionAttendance", ownerOrSpeaker(), (w, c) -> this.doors.grpc(c,
				SessionAttendanceServiceGrpc::newBlockingStub,
				s -> s.getSessionAttendance(GetSessionAttendanceRequest.newBuilder().setSessionId(session()).build()))));
		ops.add(row(attendance + "BatchGetSessionAttendance", batch(), (w, c) -> this.doors.grpc(c,
				SessionAttendanceServiceGrpc::newBlockingStub, s -> s.batchGetSessionAttendance(
						BatchGetSessionAttendanceRequest.newBuilder().addSessionIds(session()).build()))));
		ops.add(row(attendance + "ListEventSessionAttendance", Expect.owner(), (w, c) -> this.doors.grpc(c,
				SessionAttendanceServiceGrpc::newBlockingStub, s -> s.listEventSessionAttendance(
						ListEventSessionAttendanceRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row(attendance + "ListSessionAttendees", Expect.owner(), (w, c) -> this.doors.grpc(c,
				SessionAttendanceServiceGrpc::newBlockingStub,
				s -> s.listSessionAttendees(ListSessionAttendeesRequest.newBuilder().setSessionId(session()).build()))));

		String feedback = "convene.session.v1.SessionFeedbackService/";
		ops.add(row(feedback + "SubmitSessionFeedback", attendedIt(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub, s -> s.submitSessionFeedback(
						SubmitSessionFeedbackRequest.newBuilder().setSessionId(session()).setRating(4).build()))));
		ops.add(row(feedback + "ListMySessionFeedback", Expect.self(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub,
				s -> s.listMySessionFeedback(ListMySessionFeedbackRequest.newBuilder().addSessionIds(session()).build()))));
		ops.add(row(feedback + "GetSessionFeedbackSummary", ownerOrSpeaker(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub, s -> s.getSessionFeedbackSummary(
						GetSessionFeedbackSummaryRequest.newBuilder().setSessionId(session()).build()))));
		ops.add(row(feedback + "BatchGetSessionFeedbackSummaries", batch(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub, s -> s.batchGetSessionFeedbackSummaries(
						BatchGetSessionFeedbackSummariesRequest.newBuilder().addSessionIds(session()).build()))));
		ops.add(row(feedback + "ListEventSessionFeedback", Expect.owner(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub, s -> s.listEventSessionFeedback(
						ListEventSessionFeedbackRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row(feedback + "ListSessionFeedbackComments", ownerOrSpeaker(), (w, c) -> this.doors.grpc(c,
				SessionFeedbackServiceGrpc::newBlockingStub, s -> s.listSessionFeedbackComments(
						ListSessionFeedbackCommentsRequest.newBuilder().setSessionId(session()).build()))));
		return ops;
	}

	private String event() {
		session();
		return this.event;
	}

	/** The fixture: made on first use (see the class comment). */
	private String session() {
		if (this.session != null) {
			return this.session;
		}
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
		Instant end = start.plus(6, ChronoUnit.HOURS);
		WebTestClient owner = as(Who.OWNER);
		Map<String, Object> event = Json.event("Matrix session day " + UUID.randomUUID(), start);
		event.put("endsAt", Json.berlin(end));
		this.event = (String) post(owner, "/api/v1/events", event, 201).get("id");
		owner.post().uri("/api/v1/events/{id}/publish", this.event).exchange().expectStatus().isOk();
		String ticketType = (String) post(owner, "/api/v1/events/" + this.event + "/ticket-types",
				Map.of("name", "Matrix", "price", Map.of("amount", 0, "currency", "EUR"), "salesEnd", Json.berlin(end)), 201)
			.get("id");
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("title", "Matrix talk");
		session.put("startsAt", Json.berlin(start));
		session.put("endsAt", Json.berlin(start.plus(1, ChronoUnit.HOURS)));
		this.session = (String) post(owner, "/api/v1/events/" + this.event + "/sessions", session, 201).get("id");
		this.admin.put().uri("/api/v1/sessions/{id}/speakers/{userId}", this.session, this.callers.userId(Who.SPEAKER))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "SPEAKER"))
			.exchange().expectStatus().isOk();
		WebTestClient attendee = as(Who.ATTENDEE);
		String code = (String) post(attendee, "/api/v1/registrations", Map.of("eventId", this.event, "ticketTypeId", ticketType,
				"attendee", Map.of("name", "Matrix attendee", "email", "matrix-" + UUID.randomUUID() + "@example.test")), 201)
			.get("ticketCode");
		post(this.admin, "/api/v1/sessions/" + this.session + "/check-ins", Map.of("code", code, "deviceId", "matrix"), 200);
		attendee.put().uri("/api/v1/sessions/{id}/feedback", this.session).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 5, "comment", "Matrix comment")).exchange().expectStatus().isOk();
		return this.session;
	}

	private WebTestClient as(Who who) {
		return this.anonymous.mutate().defaultHeader("Authorization", this.callers.get(who).authorization()).build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> post(WebTestClient client, String uri, Object body, int status) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
