package org.convene.gateway.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal agendas and seats through the REST facade, over real HTTP against the real core. */
class AgendaRestTests extends GatewayIntegrationTest {

	static final String PASSWORD = "agenda password 0123456789";

	static final String SCOPES = "events:read sessions:read sessions:write registrations:read registrations:write";

	private String event;

	private String ticketType;

	@BeforeEach
	void event() {
		this.event = SessionRestTests.publishedEvent(this.http, "Agenda " + UUID.randomUUID());
		this.ticketType = new Registrations(this.http).freeTicketType(this.event, "General", null);
	}

	/** A new user signed in through Convene's web client, as HTTP with their token. */
	static WebTestClient signedIn(WebTestClient anonymous, String baseUrl, String name) throws Exception {
		return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(anonymous, baseUrl, name)).build();
	}

	/** The access token of a new user signed in through Convene's web client. */
	static String token(WebTestClient anonymous, String baseUrl, String name) throws Exception {
		String email = "agenda-" + UUID.randomUUID() + "@example.test";
		anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", name))
			.exchange().expectStatus().isCreated();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize("convene-web", "http://localhost:3000/callback", SCOPES,
				email, PASSWORD, List.of(SCOPES.split(" ")));
		assertThat(result.code()).as(result.detail()).isNotNull();
		return AuthorizationCodeFlow.field(browser.exchange("convene-web", "http://localhost:3000/callback",
				result.code()).body(), "access_token");
	}

	/** Registers the signed-in user for the event with the (free) ticket type: a confirmed registration. */
	static void register(WebTestClient user, String event, String ticketType) {
		user.post().uri("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("eventId", event, "ticketTypeId", ticketType, "attendee",
					Map.of("name", "Agenda Attendee", "email", "attendee-" + UUID.randomUUID() + "@example.test")))
			.exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
	}

	/** A session of the event made by the administration client; capacity null for none. */
	static String session(WebTestClient admin, String event, String title, int from, Integer capacity, boolean requiresSeat) {
		Map<String, Object> body = SessionRestTests.session(title, null, from, from + 30);
		body.remove("room");
		body.put("capacity", capacity);
		body.put("requiresSeat", requiresSeat);
		return (String) admin.post().uri("/api/v1/events/{id}/sessions", event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");
	}

	@Test
	void addsListsAndRemovesSessionsIdempotently() throws Exception {
		WebTestClient ann = signedIn(this.anonymous, this.baseUrl, "Ann");
		String late = session(this.http, this.event, "Late", 60, null, false);
		String early = session(this.http, this.event, "Early", 0, null, false);

		ann.put().uri("/api/v1/users/me/agenda/{id}", late).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.session.id").isEqualTo(late)
			.jsonPath("$.holdsSeat").isEqualTo(false)
			.jsonPath("$.addedAt").exists();
		ann.put().uri("/api/v1/users/me/agenda/{id}", late).exchange().expectStatus().isOk();
		ann.put().uri("/api/v1/users/me/agenda/{id}", early).exchange().expectStatus().isOk();
		ann.get().uri("/api/v1/users/me/agenda?eventId={id}&pageSize=1", this.event).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Total-Count", "2")
			.expectBody()
			.jsonPath("$.data[*].session.title").isEqualTo(List.of("Early"))
			.jsonPath("$.pagination.hasNextPage").isEqualTo(true);
		ann.delete().uri("/api/v1/users/me/agenda/{id}", late).exchange().expectStatus().isNoContent();
		ann.delete().uri("/api/v1/users/me/agenda/{id}", late).exchange().expectStatus().isNoContent();

		ann.get().uri("/api/v1/users/me/agenda").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data[*].session.title").isEqualTo(List.of("Early"));
		signedIn(this.anonymous, this.baseUrl, "Bo").get().uri("/api/v1/users/me/agenda").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data.length()").isEqualTo(0);
	}

	@Test
	void reservesSeatsUntilTheSessionIsFullAndAnswers409InTheEnvelope() throws Exception {
		String workshop = session(this.http, this.event, "Workshop", 0, 1, true);
		WebTestClient ann = signedIn(this.anonymous, this.baseUrl, "Ann");
		WebTestClient bo = signedIn(this.anonymous, this.baseUrl, "Bo");
		WebTestClient walkIn = signedIn(this.anonymous, this.baseUrl, "Walk-in");
		register(ann, this.event, this.ticketType);
		register(bo, this.event, this.ticketType);

		walkIn.put().uri("/api/v1/users/me/agenda/{id}", workshop).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("INVALID_STATE_TRANSITION")
			.jsonPath("$.error.message").value(message -> assertThat((String) message).contains("registration"));
		ann.put().uri("/api/v1/users/me/agenda/{id}", workshop).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.holdsSeat").isEqualTo(true)
			.jsonPath("$.session.requiresSeat").isEqualTo(true)
			.jsonPath("$.session.seatsTaken").isEqualTo(1)
			.jsonPath("$.session.seatsAvailable").isEqualTo(0);
		bo.put().uri("/api/v1/users/me/agenda/{id}", workshop).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("SOLD_OUT")
			.jsonPath("$.error.message").isEqualTo("The session has no seats left")
			.jsonPath("$.error.status").isEqualTo(409);
		ann.delete().uri("/api/v1/users/me/agenda/{id}", workshop).exchange().expectStatus().isNoContent();
		bo.put().uri("/api/v1/users/me/agenda/{id}", workshop).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.holdsSeat").isEqualTo(true);
	}

	@Test
	void mapsTheSeatRulesOfSessionsToClearErrors() throws Exception {
		Map<String, Object> body = SessionRestTests.session("Workshop", null, 0, 30);
		body.remove("room");
		body.put("requiresSeat", true);
		this.http.post().uri("/api/v1/events/{id}/sessions", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.error.target").isEqualTo("requiresSeat");
		String workshop = session(this.http, this.event, "Workshop", 0, 5, true);
		for (String name : List.of("Ann", "Bo")) {
			WebTestClient attendee = signedIn(this.anonymous, this.baseUrl, name);
			register(attendee, this.event, this.ticketType);
			attendee.put().uri("/api/v1/users/me/agenda/{id}", workshop).exchange().expectStatus().isOk();
		}

		this.http.patch().uri("/api/v1/sessions/{id}", workshop).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("capacity", 1)).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("INVALID_STATE_TRANSITION")
			.jsonPath("$.error.target").isEqualTo("capacity")
			.jsonPath("$.error.details").value(details -> assertThat((String) details).startsWith("2 seats of session"));
		this.http.patch().uri("/api/v1/sessions/{id}", workshop).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("requiresSeat", false)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.requiresSeat").isEqualTo(false).jsonPath("$.seatsTaken").isEqualTo(2);
		this.anonymous.get().uri("/api/v1/sessions/{id}", workshop).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.seatsAvailable").doesNotExist();
		this.http.patch().uri("/api/v1/sessions/{id}", workshop).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("requiresSeat", true, "capacity", 5)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.seatsAvailable").isEqualTo(3);
	}

	@Test
	void refusesCallersWithoutAUserUnknownSessionsAndUnknownParameters() throws Exception {
		String talk = session(this.http, this.event, "Talk", 0, null, false);
		WebTestClient ann = signedIn(this.anonymous, this.baseUrl, "Ann");

		this.anonymous.get().uri("/api/v1/users/me/agenda").exchange().expectStatus().isUnauthorized();
		this.anonymous.put().uri("/api/v1/users/me/agenda/{id}", talk).exchange().expectStatus().isUnauthorized();
		this.http.put().uri("/api/v1/users/me/agenda/{id}", talk).exchange().expectStatus().isForbidden();
		ann.put().uri("/api/v1/users/me/agenda/{id}", UUID.randomUUID()).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.error.target").isEqualTo("sessionId");
		ann.put().uri("/api/v1/users/me/agenda/not-a-uuid").exchange().expectStatus().isBadRequest();
		ann.delete().uri("/api/v1/users/me/agenda/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		ann.get().uri("/api/v1/users/me/agenda?event={id}", this.event).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.target").isEqualTo("event");
	}

}
