package org.convene.gateway.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;
import org.convene.gateway.support.TestBackends;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions through GraphQL, over real HTTP against the real core. */
class SessionGraphQlTests extends GatewayIntegrationTest {

	private static final String CREATE = """
			mutation($input: CreateSessionInput!, $key: String) {
			  createSession(input: $input, idempotencyKey: $key) {
			    __typename
			    ... on SessionResult { session { id title room abstract version } }
			    ... on ScheduleConflict { code message target conflictingSessionId }
			  }
			}""";

	private static final String SCHEDULE = """
			query($filter: EventFilter) {
			  events(filter: $filter, first: 100) {
			    nodes { title sessions { title room startsAt speakers { name role } } }
			  }
			}""";

	private String event;

	@BeforeEach
	void event() {
		this.event = SessionRestTests.publishedEvent(this.http, "GraphQL sessions " + UUID.randomUUID());
	}

	private Map<String, Object> input(String eventId, String title, String room, int from, int to) {
		Map<String, Object> input = SessionRestTests.session(title, room, from, to);
		input.put("eventId", eventId);
		return input;
	}

	@Test
	void createsSessionsOncePerIdempotencyKeyAndAnswersATakenRoomWithAScheduleConflict() {
		String key = UUID.randomUUID().toString();
		String first = this.graphQl.document(CREATE).variable("input", input(this.event, "First", "Hall A", 0, 60))
			.variable("key", key).execute()
			.path("createSession.__typename").entity(String.class).isEqualTo("SessionResult")
			.path("createSession.session.id").entity(String.class).get();
		String replayed = this.graphQl.document(CREATE).variable("input", input(this.event, "First", "Hall A", 0, 60))
			.variable("key", key).execute()
			.path("createSession.session.id").entity(String.class).get();

		this.graphQl.document(CREATE).variable("input", input(this.event, "Second", "hall a", 30, 90)).execute()
			.path("createSession.__typename").entity(String.class).isEqualTo("ScheduleConflict")
			.path("createSession.code").entity(String.class).isEqualTo("SCHEDULE_CONFLICT")
			.path("createSession.target").entity(String.class).isEqualTo("room")
			.path("createSession.conflictingSessionId").entity(String.class).isEqualTo(first);
		assertThat(replayed).isEqualTo(first);
		this.graphQl.document("query($id: ID!) { sessions(eventId: $id, first: 10) { totalCount nodes { id abstract event { id } } } }")
			.variable("id", this.event).execute()
			.path("sessions.totalCount").entity(Integer.class).isEqualTo(1)
			.path("sessions.nodes[0].id").entity(String.class).isEqualTo(first)
			.path("sessions.nodes[0].event.id").entity(String.class).isEqualTo(this.event);
	}

	@Test
	void changesCancelsAndAssignsThroughMutationsWithTypedErrors() {
		String id = this.graphQl.document(CREATE).variable("input", input(this.event, "Talk", "Hall A", 0, 30)).execute()
			.path("createSession.session.id").entity(String.class).get();
		String ada = TestBackends.get().newUser("Ada Speaker");

		this.graphQl.document("""
				mutation($input: UpdateSessionInput!) { updateSession(input: $input) {
				  __typename ... on SessionResult { session { title version } } } }""")
			.variable("input", Map.of("id", id, "title", "Renamed", "expectedVersion", 1)).execute()
			.path("updateSession.session.title").entity(String.class).isEqualTo("Renamed");
		this.graphQl.document("""
				mutation($input: UpdateSessionInput!) { updateSession(input: $input) { __typename } }""")
			.variable("input", Map.of("id", id, "title", "Stale", "expectedVersion", 1)).execute()
			.path("updateSession.__typename").entity(String.class).isEqualTo("VersionConflict");
		this.graphQl.document("""
				mutation($input: AssignSpeakerInput!) { assignSpeaker(input: $input) {
				  ... on SessionResult { session { speakers { userId name role } } } } }""")
			.variable("input", Map.of("sessionId", id, "userId", ada, "role", "MODERATOR")).execute()
			.path("assignSpeaker.session.speakers[0].name").entity(String.class).isEqualTo("Ada Speaker")
			.path("assignSpeaker.session.speakers[0].role").entity(String.class).isEqualTo("MODERATOR");
		this.graphQl.document("""
				mutation($input: CancelSessionInput!) { cancelSession(input: $input) {
				  ... on SessionResult { session { status cancellationReason } } } }""")
			.variable("input", Map.of("id", id, "reason", "Room flooded")).execute()
			.path("cancelSession.session.status").entity(String.class).isEqualTo("CANCELLED");
		this.graphQl.document("""
				mutation($input: CancelSessionInput!) { cancelSession(input: $input) { __typename } }""")
			.variable("input", Map.of("id", id, "reason", "Again")).execute()
			.path("cancelSession.__typename").entity(String.class).isEqualTo("InvalidStateTransition");
		this.graphQl.document("query($id: ID!) { session(id: $id) { id } }").variable("id", UUID.randomUUID().toString())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "RESOURCE_NOT_FOUND")));
	}

	@ParameterizedTest(name = "{0} events")
	@ValueSource(ints = { 2, 12 })
	void aScheduleCostsTwoCallsWhateverTheNumberOfEventsAndSessions(int count) {
		String tag = "sched-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < count; i++) {
			Map<String, Object> body = new LinkedHashMap<>(Json.event("Conference " + i, SessionRestTests.START));
			body.put("tags", List.of(tag));
			Map<?, ?> created = this.http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
			String eventId = (String) created.get("id");
			for (int s = 0; s < 3; s++) {
				String session = this.graphQl.document(CREATE)
					.variable("input", input(eventId, "Talk " + s, "Room " + s, 30 * s, 30 * s + 30)).execute()
					.path("createSession.session.id").entity(String.class).get();
				this.http.put().uri("/api/v1/sessions/{id}/speakers/{user}", session, TestBackends.get().newUser("Speaker " + s))
					.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "SPEAKER"))
					.exchange().expectStatus().isOk();
			}
		}
		this.calls.reset();

		this.graphQl.document(SCHEDULE).variable("filter", Map.of("tags", List.of(tag))).execute()
			.path("events.nodes").entityList(Object.class).hasSize(count)
			.path("events.nodes[0].sessions").entityList(Object.class).hasSize(3)
			.path("events.nodes[%d].sessions[2].room".formatted(count - 1)).entity(String.class).isEqualTo("Room 2")
			.path("events.nodes[0].sessions[1].speakers[0].name").entity(String.class).isEqualTo("Speaker 1");

		assertThat(this.calls.byMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"convene.core.v1.EventService/ListEvents", 1,
				"convene.session.v1.SessionService/BatchListSessions", 1));
	}

	@Test
	void aWholeDayByRoomAndByTrackCostsOneCallForTheScheduleAndOneForItsEvent() {
		for (int room = 0; room < 4; room++) {
			Map<String, Object> input = input(this.event, "Talk " + room, "Room " + room, 0, 30);
			input.put("track", room % 2 == 0 ? "Even" : "Odd");
			String session = this.graphQl.document(CREATE).variable("input", input).execute()
				.path("createSession.session.id").entity(String.class).get();
			this.http.put().uri("/api/v1/sessions/{id}/speakers/{user}", session, TestBackends.get().newUser("Speaker " + room))
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "SPEAKER"))
				.exchange().expectStatus().isOk();
		}
		this.calls.reset();

		this.graphQl.document("""
				query($id: ID!) {
				  schedule(eventId: $id) {
				    timeZone days
				    rooms { name sessions { title speakers { name } event { id } } }
				    tracks { name sessions { title } }
				  }
				}""").variable("id", this.event).execute()
			.path("schedule.timeZone").entity(String.class).isEqualTo("Europe/Berlin")
			.path("schedule.rooms[*].name").entityList(String.class).containsExactly("Room 0", "Room 1", "Room 2", "Room 3")
			.path("schedule.rooms[3].sessions[0].speakers[0].name").entity(String.class).isEqualTo("Speaker 3")
			.path("schedule.rooms[0].sessions[0].event.id").entity(String.class).isEqualTo(this.event)
			.path("schedule.tracks[*].name").entityList(String.class).containsExactly("Even", "Odd")
			.path("schedule.tracks[1].sessions[*].title").entityList(String.class).hasSize(2).contains("Talk 1", "Talk 3");

		assertThat(this.calls.byMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"convene.session.v1.SessionService/GetSchedule", 1,
				"convene.core.v1.EventService/BatchGetEvents", 1));
	}

}
