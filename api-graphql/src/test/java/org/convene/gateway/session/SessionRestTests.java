package org.convene.gateway.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;
import org.convene.gateway.support.TestBackends;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions through the REST facade, over real HTTP against the real core. */
class SessionRestTests extends GatewayIntegrationTest {

	static final Instant START = Instant.now().plus(75, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private String event;

	@BeforeEach
	void event() {
		this.event = publishedEvent(this.http, "Sessions " + UUID.randomUUID());
	}

	/** A published event of the administration client, START to START + 2 hours. */
	static String publishedEvent(WebTestClient admin, String title) {
		Map<?, ?> created = admin.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event(title, START))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");
		admin.post().uri("/api/v1/events/{id}/publish", id).exchange().expectStatus().isOk();
		return id;
	}

	/** A session body from {@code from} to {@code to} minutes after the event starts. */
	static Map<String, Object> session(String title, String room, int from, int to) {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("title", title);
		session.put("room", room);
		session.put("startsAt", Json.berlin(START.plus(from, ChronoUnit.MINUTES)));
		session.put("endsAt", Json.berlin(START.plus(to, ChronoUnit.MINUTES)));
		return session;
	}

	private Map<?, ?> create(Map<String, Object> body) {
		return this.http.post().uri("/api/v1/events/{id}/sessions", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/sessions/[0-9a-f-]{36}")
			.expectHeader().valueEquals("ETag", "\"1\"")
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	@Test
	void createsListsChangesAndCancelsSessionsWithETagsAndPaging() {
		Map<String, Object> keynote = session("Keynote", "Hall A", 0, 30);
		keynote.put("abstract", "Where we go");
		keynote.put("type", "KEYNOTE");
		keynote.put("tags", List.of("opening"));
		String first = (String) create(keynote).get("id");
		create(session("Workshop", "Room 2", 30, 90));
		create(session("Talk", "Hall A", 30, 60));

		this.anonymous.get().uri("/api/v1/sessions/{id}", first).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.abstract").isEqualTo("Where we go")
			.jsonPath("$.type").isEqualTo("KEYNOTE")
			.jsonPath("$.eventId").isEqualTo(this.event)
			.jsonPath("$.status").isEqualTo("SCHEDULED");
		this.anonymous.get().uri("/api/v1/events/{id}/sessions?pageSize=2", this.event).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Total-Count", "3")
			.expectHeader().valueMatches("Link", ".*rel=\"next\".*")
			.expectBody()
			.jsonPath("$.data[0].title").isEqualTo("Keynote")
			.jsonPath("$.data.length()").isEqualTo(2)
			.jsonPath("$.pagination.hasNextPage").isEqualTo(true);
		String day = START.atZone(ZoneId.of("Europe/Berlin")).toLocalDate().toString();
		this.anonymous.get().uri("/api/v1/events/{id}/sessions?room=hall a&day={day}", this.event, day).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data[*].title").isEqualTo(List.of("Keynote", "Talk"));
		this.http.patch().uri("/api/v1/sessions/{id}", first).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("track", "Main")).exchange()
			.expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
		this.http.patch().uri("/api/v1/sessions/{id}", first).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("track", "Side")).exchange()
			.expectStatus().isEqualTo(412)
			.expectBody().jsonPath("$.error.code").isEqualTo("PRECONDITION_FAILED");
		this.http.post().uri("/api/v1/sessions/{id}/cancel", first).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Speaker ill")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancellationReason").isEqualTo("Speaker ill");
		this.anonymous.get().uri("/api/v1/events/{id}/sessions?status=CANCELLED", this.event).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.data[*].title").isEqualTo(List.of("Keynote"));
	}

	@Test
	void aTakenRoomAnswers409InTheEnvelopeNamingTheOtherSession() {
		String first = (String) create(session("First", "Hall A", 0, 60)).get("id");

		this.http.post().uri("/api/v1/events/{id}/sessions", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(session("Second", "HALL A", 30, 90)).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("SCHEDULE_CONFLICT")
			.jsonPath("$.error.status").isEqualTo(409)
			.jsonPath("$.error.target").isEqualTo("room")
			.jsonPath("$.error.details").value(details -> assertThat((String) details).contains("First").contains(first))
			.jsonPath("$.error.documentation").value(link -> assertThat((String) link).endsWith("/errors/SCHEDULE_CONFLICT"));
	}

	@Test
	void assignsSpeakersAndRefusesOneWhoSpeaksElsewhereThen() {
		String ada = TestBackends.get().newUser("Ada Speaker");
		String panel = (String) create(session("Panel", "Hall A", 0, 60)).get("id");
		String talk = (String) create(session("Talk", "Hall B", 30, 90)).get("id");

		this.http.put().uri("/api/v1/sessions/{id}/speakers/{user}", panel, ada).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "PANELIST")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.speakers[0].name").isEqualTo("Ada Speaker")
			.jsonPath("$.speakers[0].role").isEqualTo("PANELIST");
		this.http.put().uri("/api/v1/sessions/{id}/speakers/{user}", talk, ada).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of()).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.error.code").isEqualTo("SCHEDULE_CONFLICT").jsonPath("$.error.target").isEqualTo("speakers");
		this.anonymous.get().uri("/api/v1/events/{id}/sessions?speakerId={user}", this.event, ada).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.data[*].title").isEqualTo(List.of("Panel"));
		this.http.delete().uri("/api/v1/sessions/{id}/speakers/{user}", panel, ada).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.speakers.length()").isEqualTo(0);
	}

	@Test
	void refusesUnknownListParametersAndSessionsOutsideTheEvent() {
		this.anonymous.get().uri("/api/v1/events/{id}/sessions?speaker=x", this.event).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.target").isEqualTo("speaker");
		this.http.post().uri("/api/v1/events/{id}/sessions", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(session("Too late", "Hall A", 90, 150)).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.error.target").isEqualTo("endsAt");
	}

	@Test
	void aDayOfTheScheduleComesAsLanesByRoomOrByTrack() {
		Map<String, Object> keynote = session("Keynote", "Hall B", 0, 30);
		keynote.put("track", "Main");
		Map<String, Object> workshop = session("Workshop", "hall a", 0, 30);
		workshop.put("track", "Hands-on");
		Map<String, Object> lunch = session("Lunch", null, 0, 30);
		lunch.remove("room");
		lunch.put("track", "Main");
		create(keynote);
		create(workshop);
		create(lunch);
		String day = START.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate().toString();

		this.anonymous.get().uri("/api/v1/events/{id}/schedule", this.event).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.day").isEqualTo(day)
			.jsonPath("$.timeZone").isEqualTo("Europe/Berlin")
			.jsonPath("$.groupBy").isEqualTo("room")
			.jsonPath("$.lanes[*].name").isEqualTo(java.util.Arrays.asList("hall a", "Hall B", null))
			.jsonPath("$.lanes[1].sessions[0].title").isEqualTo("Keynote")
			.jsonPath("$.lanes[2].sessions[0].title").isEqualTo("Lunch");
		this.anonymous.get().uri("/api/v1/events/{id}/schedule?day={day}&groupBy=track", this.event, day).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.lanes[*].name").isEqualTo(List.of("Hands-on", "Main"))
			.jsonPath("$.lanes[1].sessions.length()").isEqualTo(2);
		this.anonymous.get().uri("/api/v1/events/{id}/schedule?groupBy=speaker", this.event).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.target").isEqualTo("groupBy");
		this.anonymous.get().uri("/api/v1/events/{id}/schedule?day=monday", this.event).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
	}

}
