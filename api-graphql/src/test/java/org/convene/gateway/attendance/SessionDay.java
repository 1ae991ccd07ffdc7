package org.convene.gateway.attendance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.Json;
import org.convene.gateway.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event under way (started an hour or two ago, six hours long) of the administration
 * client, with a free ticket type, set up over REST; and attendees who sign up, sign in
 * through Convene's web client and register themselves.
 */
final class SessionDay {

	private static final String WEB_CLIENT = "convene-web";

	private static final String REDIRECT_URI = "http://localhost:3000/callback";

	private static final String PASSWORD = "correct-horse-battery";

	private static final String SCOPES = "events:read registrations:read registrations:write sessions:read sessions:write";

	final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

	final String event;

	final String ticketType;

	private final WebTestClient admin;

	private final WebTestClient anonymous;

	private final String baseUrl;

	/**
	 * A signed-in attendee with a ticket.
	 *
	 * @param id their user id
	 * @param http HTTP with their token
	 * @param code their ticket code
	 */
	record Attendee(String id, WebTestClient http, String code) {
	}

	SessionDay(WebTestClient admin, WebTestClient anonymous, String baseUrl) {
		this.admin = admin;
		this.anonymous = anonymous;
		this.baseUrl = baseUrl;
		Map<String, Object> event = Json.event("Session day " + UUID.randomUUID(), this.start);
		event.put("endsAt", Json.berlin(this.start.plus(6, ChronoUnit.HOURS)));
		this.event = (String) body(admin.post().uri("/api/v1/events"), event, 201).get("id");
		admin.post().uri("/api/v1/events/{id}/publish", this.event).exchange().expectStatus().isOk();
		// on sale until the event ends: by default sales close when it starts, which it has
		this.ticketType = (String) body(admin.post().uri("/api/v1/events/{id}/ticket-types", this.event),
				Map.of("name", "Standard", "price", Map.of("amount", 0, "currency", "EUR"), "salesEnd",
						Json.berlin(this.start.plus(6, ChronoUnit.HOURS))),
				201).get("id");
	}

	/** A session from {@code from} to {@code to} minutes after the event starts; returns its id. */
	String session(String title, int from, int to) {
		return (String) body(this.admin.post().uri("/api/v1/events/{id}/sessions", this.event),
				Map.of("title", title, "startsAt", Json.berlin(this.start.plus(from, ChronoUnit.MINUTES)), "endsAt",
						Json.berlin(this.start.plus(to, ChronoUnit.MINUTES)), "capacity", 40),
				201).get("id");
	}

	/** A guest's ticket code, registered by the organizer. */
	String guestCode(String name) {
		return (String) new Registrations(this.admin).registerGuest(this.event, this.ticketType, name, false).get("ticketCode");
	}

	/** A new user who signs in and registers themself. */
	Attendee attendee(String name) throws Exception {
		String email = "attendee-" + UUID.randomUUID() + "@example.test";
		String id = (String) body(this.anonymous.post().uri("/api/v1/users"),
				Map.of("email", email, "password", PASSWORD, "displayName", name), 201).get("id");
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize(WEB_CLIENT, REDIRECT_URI, SCOPES, email, PASSWORD, List.of());
		assertThat(result.code()).as("sign-in: %s", result.detail()).isNotNull();
		String token = AuthorizationCodeFlow.field(browser.exchange(WEB_CLIENT, REDIRECT_URI, result.code()).body(),
				"access_token");
		WebTestClient http = this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
		String code = (String) body(http.post().uri("/api/v1/registrations"),
				Registrations.guest(this.event, this.ticketType, name, false), 201).get("ticketCode");
		return new Attendee(id, http, code);
	}

	/** Scans the code at the session's door as the organizer; returns the outcome. */
	String scan(String session, String code) {
		return (String) body(this.admin.post().uri("/api/v1/sessions/{id}/check-ins", session),
				Map.of("code", code, "deviceId", "door-1"), 200).get("outcome");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebTestClient.RequestBodySpec request, Object body, int status) {
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(Map.class).returnResult().getResponseBody();
	}

}
