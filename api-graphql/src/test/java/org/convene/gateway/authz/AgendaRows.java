package org.convene.gateway.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.BatchGetAgendaStatusRequest;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;

/**
 * The matrix rows of personal agendas: every signed-in user (an API key for its owner) keeps
 * their own; callers acting for no user have none. Whether sessions are in an agenda is
 * public to ask (false without a user). One session of the owner's published event, without
 * a seat, serves every row: adding and removing are idempotent.
 */
final class AgendaRows {

	private final Doors doors;

	private final WebTestClient admin;

	private final Supplier<String> ownersPublishedEvent;

	private String session;

	AgendaRows(Doors doors, WebTestClient admin, Supplier<String> ownersPublishedEvent) {
		this.doors = doors;
		this.admin = admin;
		this.ownersPublishedEvent = ownersPublishedEvent;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/users/me/agenda", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/users/me/agenda", null)));
		ops.add(row("PUT /api/v1/users/me/agenda/{sessionId}", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.PUT, "/api/v1/users/me/agenda/" + session(), null)));
		ops.add(row("DELETE /api/v1/users/me/agenda/{sessionId}", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.DELETE, "/api/v1/users/me/agenda/" + session(), null)));

		ops.add(row("Query.myAgenda", Expect.self(), (w, c) -> this.doors.graphQl(c,
				"{ myAgenda(first: 5) { nodes { holdsSeat session { id inMyAgenda } } } }", Map.of(), "myAgenda")));
		ops.add(row("Mutation.addToAgenda", Expect.self(), (w, c) -> this.doors.graphQl(c,
				"mutation($id: ID!) { addToAgenda(input: { sessionId: $id }) { __typename } }", Map.of("id", session()),
				"addToAgenda")));
		ops.add(row("Mutation.removeFromAgenda", Expect.self(), (w, c) -> this.doors.graphQl(c,
				"mutation($id: ID!) { removeFromAgenda(input: { sessionId: $id }) { __typename } }", Map.of("id", session()),
				"removeFromAgenda")));

		String service = "convene.session.v1.AgendaService/";
		ops.add(row(service + "AddToAgenda", Expect.self(), (w, c) -> this.doors.grpc(c, AgendaServiceGrpc::newBlockingStub,
				s -> s.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId(session()).build()))));
		ops.add(row(service + "RemoveFromAgenda", Expect.self(), (w, c) -> this.doors.grpc(c,
				AgendaServiceGrpc::newBlockingStub,
				s -> s.removeFromAgenda(RemoveFromAgendaRequest.newBuilder().setSessionId(session()).build()))));
		ops.add(row(service + "ListAgenda", Expect.self(), (w, c) -> this.doors.grpc(c, AgendaServiceGrpc::newBlockingStub,
				s -> s.listAgenda(ListAgendaRequest.getDefaultInstance()))));
		ops.add(row(service + "BatchGetAgendaStatus", Expect.publicRead(), (w, c) -> this.doors.grpc(c,
				AgendaServiceGrpc::newBlockingStub,
				s -> s.batchGetAgendaStatus(BatchGetAgendaStatusRequest.newBuilder().addSessionIds(session()).build()))));
		return ops;
	}

	/** One session of the owner's published event, made by an administrator. */
	private String session() {
		if (this.session == null) {
			Map<?, ?> created = this.admin.post()
				.uri("/api/v1/events/{id}/sessions", this.ownersPublishedEvent.get())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "Matrix agenda session", "startsAt", "2030-03-04T19:00:00+01:00", "endsAt",
						"2030-03-04T19:30:00+01:00"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			this.session = (String) created.get("id");
		}
		return this.session;
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
