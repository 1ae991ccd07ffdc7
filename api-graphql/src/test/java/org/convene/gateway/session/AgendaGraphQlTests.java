package org.convene.gateway.session;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal agendas and seats through GraphQL, over real HTTP against the real core. */
class AgendaGraphQlTests extends GatewayIntegrationTest {

	private static final String ADD = """
			mutation($id: ID!, $key: String) {
			  addToAgenda(input: { sessionId: $id }, idempotencyKey: $key) {
			    __typename
			    ... on AgendaEntryResult { entry { holdsSeat addedAt session { id seatsTaken seatsAvailable } } }
			    ... on UserError { code message }
			  }
			}""";

	private static final String REMOVE = """
			mutation($id: ID!) {
			  removeFromAgenda(input: { sessionId: $id }) {
			    __typename
			    ... on RemoveFromAgendaResult { sessionId removed seatFreed }
			    ... on UserError { code message }
			  }
			}""";

	private static final String SCHEDULE = """
			query($id: ID!) {
			  sessions(eventId: $id, first: 100) {
			    nodes { title requiresSeat seatsTaken inMyAgenda holdsMySeat }
			  }
			}""";

	private String event;

	private String ticketType;

	@BeforeEach
	void event() {
		this.event = SessionRestTests.publishedEvent(this.http, "GraphQL agenda " + UUID.randomUUID());
		this.ticketType = new Registrations(this.http).freeTicketType(this.event, "General", null);
	}

	/** GraphQL as a new signed-in user; with a confirmed registration for the event when {@code registered}. */
	private HttpGraphQlTester user(String name, boolean registered) throws Exception {
		String authorization = "Bearer " + AgendaRestTests.token(this.anonymous, this.baseUrl, name);
		if (registered) {
			AgendaRestTests.register(this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build(),
					this.event, this.ticketType);
		}
		return this.graphQl.mutate().headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, authorization)).build();
	}

	@Test
	void addsToAndRemovesFromMyAgendaWithIdempotencyKeysAndTypedErrors() throws Exception {
		HttpGraphQlTester ann = user("Ann", true);
		HttpGraphQlTester bo = user("Bo", true);
		HttpGraphQlTester walkIn = user("Walk-in", false);
		String workshop = AgendaRestTests.session(this.http, this.event, "Workshop", 0, 1, true);
		String key = UUID.randomUUID().toString();

		ann.document(ADD).variable("id", workshop).variable("key", key).execute()
			.path("addToAgenda.__typename").entity(String.class).isEqualTo("AgendaEntryResult")
			.path("addToAgenda.entry.holdsSeat").entity(Boolean.class).isEqualTo(true)
			.path("addToAgenda.entry.session.seatsTaken").entity(Integer.class).isEqualTo(1)
			.path("addToAgenda.entry.session.seatsAvailable").entity(Integer.class).isEqualTo(0);
		ann.document(ADD).variable("id", workshop).variable("key", key).execute()
			.path("addToAgenda.entry.session.seatsTaken").entity(Integer.class).isEqualTo(1);
		bo.document(ADD).variable("id", workshop).execute()
			.path("addToAgenda.__typename").entity(String.class).isEqualTo("Unavailable")
			.path("addToAgenda.code").entity(String.class).isEqualTo("SOLD_OUT");
		walkIn.document(ADD).variable("id", workshop).execute()
			.path("addToAgenda.__typename").entity(String.class).isEqualTo("InvalidStateTransition");
		walkIn.document(ADD).variable("id", UUID.randomUUID().toString()).execute()
			.path("addToAgenda.__typename").entity(String.class).isEqualTo("NotFound");
		ann.document(REMOVE).variable("id", workshop).execute()
			.path("removeFromAgenda.__typename").entity(String.class).isEqualTo("RemoveFromAgendaResult")
			.path("removeFromAgenda.removed").entity(Boolean.class).isEqualTo(true)
			.path("removeFromAgenda.seatFreed").entity(Boolean.class).isEqualTo(true);
		ann.document(REMOVE).variable("id", workshop).execute()
			.path("removeFromAgenda.removed").entity(Boolean.class).isEqualTo(false);
		bo.document(ADD).variable("id", workshop).execute()
			.path("addToAgenda.entry.holdsSeat").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void listsMyAgendaByStartTimeWithCancelledSessionsFlagged() throws Exception {
		HttpGraphQlTester ann = user("Ann", false);
		String late = AgendaRestTests.session(this.http, this.event, "Late", 60, null, false);
		String early = AgendaRestTests.session(this.http, this.event, "Early", 0, null, false);
		ann.document(ADD).variable("id", late).execute().path("addToAgenda.__typename").entity(String.class)
			.isEqualTo("AgendaEntryResult");
		ann.document(ADD).variable("id", early).execute().path("addToAgenda.__typename").entity(String.class)
			.isEqualTo("AgendaEntryResult");
		this.http.post().uri("/api/v1/sessions/{id}/cancel", late).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Speaker ill")).exchange().expectStatus().isOk();

		ann.document("query($id: ID) { myAgenda(eventId: $id, first: 10) { totalCount nodes { holdsSeat session { title status inMyAgenda } } } }")
			.variable("id", this.event).execute()
			.path("myAgenda.totalCount").entity(Integer.class).isEqualTo(2)
			.path("myAgenda.nodes[*].session.title").entityList(String.class).containsExactly("Early", "Late")
			.path("myAgenda.nodes[*].session.status").entityList(String.class).containsExactly("SCHEDULED", "CANCELLED")
			.path("myAgenda.nodes[*].session.inMyAgenda").entityList(Boolean.class).containsExactly(true, true);
		this.anonymous.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ myAgenda { nodes { addedAt } } }")).exchange()
			.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
	}

	@ParameterizedTest(name = "{0} sessions")
	@ValueSource(ints = { 2, 25 })
	void aScheduleWithMyAgendaCostsTheSameCallsWhateverItsLength(int count) throws Exception {
		HttpGraphQlTester ann = user("Ann", true);
		String first = null;
		for (int i = 0; i < count; i++) {
			String id = AgendaRestTests.session(this.http, this.event, "Talk " + i, i * 3, 10, i == 0);
			first = first == null ? id : first;
		}
		ann.document(ADD).variable("id", first).execute().path("addToAgenda.__typename").entity(String.class)
			.isEqualTo("AgendaEntryResult");
		this.calls.reset();

		ann.document(SCHEDULE).variable("id", this.event).execute()
			.path("sessions.nodes").entityList(Object.class).hasSize(count)
			.path("sessions.nodes[0].inMyAgenda").entity(Boolean.class).isEqualTo(true)
			.path("sessions.nodes[0].holdsMySeat").entity(Boolean.class).isEqualTo(true)
			.path("sessions.nodes[0].seatsTaken").entity(Integer.class).isEqualTo(1)
			.path("sessions.nodes[%d].inMyAgenda".formatted(count - 1)).entity(Boolean.class).isEqualTo(false);

		// the list, then one batch per agenda field, whatever the number of sessions
		assertThat(this.calls.byMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"convene.session.v1.SessionService/ListSessions", 1,
				"convene.session.v1.AgendaService/BatchGetAgendaStatus", 2));
	}

}
