package org.convene.gateway.calendar;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics files and the agenda feeds through the REST facade, over real HTTP against the real core. */
class CalendarRestTests extends GatewayIntegrationTest {

	static final Instant START = Instant.now().plus(80, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private static final String PASSWORD = "correct-horse-battery";

	private String event;

	@BeforeEach
	void event() {
		Map<?, ?> created = this.http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event("Calendar " + UUID.randomUUID(), START))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		this.event = (String) created.get("id");
		this.http.post().uri("/api/v1/events/{id}/publish", this.event).exchange().expectStatus().isOk();
	}

	/** HTTP as a newly signed-up attendee, signed in through Convene's web client. */
	WebTestClient signedInAttendee() throws Exception {
		String email = "calendar-" + UUID.randomUUID() + "@example.test";
		this.anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Cal Endar"))
			.exchange().expectStatus().isCreated();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize("convene-web", "http://localhost:3000/callback",
				"events:read sessions:read sessions:write", email, PASSWORD, List.of());
		String token = AuthorizationCodeFlow.field(
				browser.exchange("convene-web", "http://localhost:3000/callback", result.code()).body(), "access_token");
		return this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	static Calendar parse(byte[] content) throws Exception {
		return new CalendarBuilder().build(new StringReader(new String(content, StandardCharsets.UTF_8)));
	}

	@Test
	void servesAnEventAsTextCalendarThatAnyoneMayCacheBriefly() throws Exception {
		EntityExchangeResult<byte[]> result = this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", this.event)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/calendar;charset=UTF-8")
			.expectHeader().valueMatches(HttpHeaders.ETAG, "\"[0-9a-f]{32}\"")
			.expectHeader().exists(HttpHeaders.LAST_MODIFIED)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"convene-event-" + this.event + ".ics\"")
			.expectBody().returnResult();

		Calendar calendar = parse(result.getResponseBody());
		assertThat(calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")).singleElement()
			.satisfies(vevent -> assertThat(vevent.getProperty(Property.UID).orElseThrow().getValue())
				.startsWith(this.event + "@"));
		assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
	}

	@Test
	void answers304WhileTheClientsCopyIsCurrentAnd200OnceSomethingChanged() {
		var first = this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", this.event).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseHeaders();
		String etag = first.getETag();
		String lastModified = first.getFirst(HttpHeaders.LAST_MODIFIED);

		this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", this.event).header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus().isNotModified()
			.expectHeader().valueEquals(HttpHeaders.ETAG, etag)
			.expectBody().isEmpty();
		this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", this.event)
			.header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
			.exchange()
			.expectStatus().isNotModified();
		this.http.post().uri("/api/v1/events/{id}/sessions", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Late addition", "startsAt", Json.berlin(START), "endsAt",
					Json.berlin(START.plus(30, ChronoUnit.MINUTES))))
			.exchange().expectStatus().isCreated();
		String changed = this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", this.event)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).contains("SUMMARY:Late addition"))
			.returnResult().getResponseHeaders().getETag();
		assertThat(changed).isNotEqualTo(etag);
	}

	@Test
	void keepsASignedInCallersCalendarOutOfSharedCaches() throws Exception {
		this.http.get().uri("/api/v1/events/{id}/calendar.ics", this.event).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private");
	}

	@Test
	void answersTheErrorEnvelopeForAnEventNobodyMaySee() {
		this.anonymous.get().uri("/api/v1/events/{id}/calendar.ics", UUID.randomUUID())
			.accept(new MediaType("text", "calendar"))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
		this.anonymous.get().uri("/api/v1/events/not-a-uuid/calendar.ics").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void anAgendaFeedWorksWithoutSignInUntilItsOwnerRevokesIt() throws Exception {
		WebTestClient attendee = signedInAttendee();
		Map<?, ?> created = attendee.post().uri("/api/v1/users/me/calendar-feeds").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Phone"))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(Map.class).returnResult().getResponseBody();
		String token = (String) created.get("token");
		String url = (String) created.get("url");
		Map<?, ?> feed = (Map<?, ?>) created.get("feed");

		assertThat(url).isEqualTo(this.baseUrl + "/api/v1/calendar-feeds/" + token + ".ics");
		assertThat((String) created.get("webcalUrl")).isEqualTo(url.replace("http://", "webcal://"));
		EntityExchangeResult<byte[]> agenda = this.anonymous.get().uri(url).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/calendar;charset=UTF-8")
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private")
			.expectHeader().exists(HttpHeaders.ETAG)
			.expectHeader().doesNotExist(HttpHeaders.LAST_MODIFIED)
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"convene-agenda.ics\"")
			.expectBody().returnResult();
		assertThat(parse(agenda.getResponseBody()).getProperty("X-WR-CALNAME").orElseThrow().getValue())
			.isEqualTo("Convene agenda");
		this.anonymous.get().uri(url).header(HttpHeaders.IF_NONE_MATCH, agenda.getResponseHeaders().getETag()).exchange()
			.expectStatus().isNotModified();
		attendee.get().uri("/api/v1/users/me/calendar-feeds").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].id").isEqualTo(feed.get("id"))
			.jsonPath("$.data[0].name").isEqualTo("Phone")
			.jsonPath("$.data[0].prefix").isEqualTo(token.substring(0, 8))
			.jsonPath("$.data[0].token").doesNotExist()
			.jsonPath("$.data[0].revokedAt").isEmpty();

		attendee.delete().uri("/api/v1/users/me/calendar-feeds/{id}", feed.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.revokedAt").isNotEmpty();

		this.anonymous.get().uri(url).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
		this.http.delete().uri("/api/v1/users/me/calendar-feeds/{id}", feed.get("id")).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void managingFeedsNeedsASignedInUser() {
		this.anonymous.post().uri("/api/v1/users/me/calendar-feeds").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		this.anonymous.get().uri("/api/v1/calendar-feeds/cal_unknown.ics").exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void refusesAFeedNameThatIsNoShortString() throws Exception {
		WebTestClient attendee = signedInAttendee();
		attendee.post().uri("/api/v1/users/me/calendar-feeds").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "x".repeat(101)))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
		attendee.post().uri("/api/v1/users/me/calendar-feeds").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", 42))
			.exchange()
			.expectStatus().isBadRequest();
		attendee.get().uri("/api/v1/users/me/calendar-feeds").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(0);
	}

}
