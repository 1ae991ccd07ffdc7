package org.convene.gateway.attendance;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;

/** Session attendance and feedback through the REST facade, over real HTTP against the real core. */
class SessionAttendanceRestTests extends GatewayIntegrationTest {

	private SessionDay day;

	@BeforeEach
	void day() {
		this.day = new SessionDay(this.http, this.anonymous, this.baseUrl);
	}

	@Test
	void scansTicketsAtASessionsDoorAndCountsWhoCame() {
		String keynote = this.day.session("Keynote", 0, 60);
		String workshop = this.day.session("Workshop", 60, 120);
		String ada = this.day.guestCode("Ada Lovelace");

		this.http.post().uri("/api/v1/sessions/{id}/check-ins", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", ada, "deviceId", "door-1", "scannedAt", java.time.Instant.now().minusSeconds(60).toString()))
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.outcome").isEqualTo("ADMITTED")
			.jsonPath("$.attendeeName").isEqualTo("Ada Lovelace")
			.jsonPath("$.checkIn.deviceId").isEqualTo("door-1")
			.jsonPath("$.checkIn.userId").doesNotExist();
		this.http.post().uri("/api/v1/sessions/{id}/check-ins", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", ada, "deviceId", "door-2"))
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.outcome").isEqualTo("ALREADY_ADMITTED")
			.jsonPath("$.checkIn.deviceId").isEqualTo("door-1");
		this.day.scan(keynote, this.day.guestCode("Grace Hopper"));
		this.day.scan(keynote, "not a code");

		this.http.get().uri("/api/v1/sessions/{id}/attendance", keynote).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.checkedIn").isEqualTo(2)
			.jsonPath("$.bookmarked").isEqualTo(0)
			.jsonPath("$.requiresSeat").isEqualTo(false)
			.jsonPath("$.capacity").isEqualTo(40);
		this.http.get().uri("/api/v1/events/{id}/session-attendance", this.day.event).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.sessions[0].sessionId").isEqualTo(keynote)
			.jsonPath("$.sessions[0].checkedIn").isEqualTo(2)
			.jsonPath("$.sessions[1].sessionId").isEqualTo(workshop)
			.jsonPath("$.sessions[1].checkedIn").isEqualTo(0);
		this.http.get().uri("/api/v1/sessions/{id}/attendees?pageSize=1", keynote).exchange()
			.expectStatus().isOk()
			.expectHeader().exists("Link")
			.expectBody()
			.jsonPath("$.data.length()").isEqualTo(1)
			.jsonPath("$.data[0].attendeeName").isEqualTo("Ada Lovelace")
			.jsonPath("$.pagination.hasNextPage").isEqualTo(true);
	}

	@Test
	void badScansAndStrangersGetTheEnvelope() {
		String keynote = this.day.session("Keynote", 0, 60);

		this.http.post().uri("/api/v1/sessions/{id}/check-ins", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "x", "deviceId", "door", "scannedAt", "2000-01-01T00:00:00Z"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.error.target").isEqualTo("scannedAt");
		this.http.post().uri("/api/v1/sessions/{id}/check-ins", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "x", "deviceId", "door", "colour", "red"))
			.exchange().expectStatus().isBadRequest();
		this.http.post().uri("/api/v1/sessions/{id}/check-ins", java.util.UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "x", "deviceId", "door"))
			.exchange().expectStatus().isNotFound();
		this.anonymous.get().uri("/api/v1/sessions/{id}/attendance", keynote).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void attendeesRateSessionsTheyAttendedAndOrganizersReadTheSummary() throws Exception {
		String keynote = this.day.session("Keynote", 0, 60);
		SessionDay.Attendee ada = this.day.attendee("Ada Lovelace");
		SessionDay.Attendee bob = this.day.attendee("Bob Builder");
		SessionDay.Attendee absent = this.day.attendee("Absent Al");
		this.day.scan(keynote, ada.code());
		this.day.scan(keynote, bob.code());

		ada.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 4, "comment", "Clear"))
			.exchange().expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"1\"")
			.expectBody().jsonPath("$.rating").isEqualTo(4).jsonPath("$.comment").isEqualTo("Clear");
		ada.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("rating", 5, "comment", "Clear and kind"))
			.exchange().expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"");
		ada.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("rating", 1))
			.exchange().expectStatus().isEqualTo(412);
		bob.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 2))
			.exchange().expectStatus().isOk();
		bob.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 6))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("rating");
		bob.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 3, "comment", "x".repeat(2001)))
			.exchange().expectStatus().isBadRequest();
		absent.http().put().uri("/api/v1/sessions/{id}/feedback", keynote).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 1))
			.exchange().expectStatus().isForbidden();

		ada.http().get().uri("/api/v1/sessions/{id}/feedback", keynote).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rating").isEqualTo(5).jsonPath("$.version").isEqualTo(2);
		absent.http().get().uri("/api/v1/sessions/{id}/feedback", keynote).exchange().expectStatus().isNotFound();
		ada.http().get().uri("/api/v1/sessions/{id}/feedback/summary", keynote).exchange().expectStatus().isForbidden();
		this.http.get().uri("/api/v1/sessions/{id}/feedback/summary", keynote).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.count").isEqualTo(2)
			.jsonPath("$.average").isEqualTo(3.5)
			.jsonPath("$.distribution").isEqualTo(java.util.List.of(0, 1, 0, 0, 1))
			.jsonPath("$.commentCount").isEqualTo(1);
		this.http.get().uri("/api/v1/sessions/{id}/feedback/comments", keynote).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].comment").isEqualTo("Clear and kind")
			.jsonPath("$.data[0].authorName").isEqualTo("Ada Lovelace");
		this.http.get().uri("/api/v1/events/{id}/session-feedback", this.day.event).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.sessions[0].sessionId").isEqualTo(keynote)
			.jsonPath("$.sessions[0].average").isEqualTo(3.5);
	}

	@Test
	void aSessionNotStartedYetCannotBeRated() throws Exception {
		String later = this.day.session("Later", 240, 300);
		SessionDay.Attendee ada = this.day.attendee("Ada Lovelace");
		this.day.scan(later, ada.code());

		ada.http().put().uri("/api/v1/sessions/{id}/feedback", later).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 4))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.error.code").isEqualTo("INVALID_STATE_TRANSITION");
	}

}
