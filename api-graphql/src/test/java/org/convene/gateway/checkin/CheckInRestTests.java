package org.convene.gateway.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets and check-in through the REST facade, over real HTTP against the real core. */
class CheckInRestTests extends GatewayIntegrationTest {

	private Registrations fixtures;

	private String event;

	private String type;

	@BeforeEach
	void event() {
		this.fixtures = new Registrations(this.http);
		this.event = this.fixtures.publishedEvent(50);
		this.type = this.fixtures.freeTicketType(this.event, "Standard", null);
	}

	@Test
	void admitsOnceAndReportsTheFirstAdmissionOnTheNextScan() {
		String code = (String) this.fixtures.registerGuest(this.event, this.type, "Ada Lovelace", false).get("ticketCode");

		scan(code, "gate-1").jsonPath("$.outcome").isEqualTo("ADMITTED").jsonPath("$.registration.status").isEqualTo("CHECKED_IN");
		scan(code, "gate-2").jsonPath("$.outcome").isEqualTo("ALREADY_ADMITTED").jsonPath("$.checkIn.deviceId").isEqualTo("gate-1");
		scan(code.substring(0, code.length() - 3) + "AAA", "gate-1").jsonPath("$.outcome").isEqualTo("NOT_A_TICKET");
	}

	@Test
	void validatesCodesAndPublishesTheVerificationKeysToAnyone() {
		String code = (String) this.fixtures.registerGuest(this.event, this.type, "Ada Lovelace", false).get("ticketCode");

		this.anonymous.get().uri("/api/v1/ticket-keys").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/jwk-set+json")
			.expectHeader().valueMatches("Cache-Control", ".*max-age=300.*")
			.expectBody().jsonPath("$.keys[0].crv").isEqualTo("Ed25519");
		validate(code).jsonPath("$.state").isEqualTo("VALID");
		scan(code, "gate-1");
		validate(code).jsonPath("$.state").isEqualTo("ALREADY_CHECKED_IN").jsonPath("$.checkIn.deviceId").isEqualTo("gate-1");
	}

	@Test
	void admitsManyAtOnceAndTakesOfflineScansEarliestFirst() {
		String ada = (String) this.fixtures.registerGuest(this.event, this.type, "Ada Lovelace", false).get("ticketCode");
		String grace = (String) this.fixtures.registerGuest(this.event, this.type, "Grace Hopper", false).get("ticketCode");

		this.http.post().uri("/api/v1/events/{id}/check-ins/bulk", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("codes", List.of(ada, "not a code"), "deviceId", "gate-1", "location", "Main entrance"))
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.results[0].outcome").isEqualTo("ADMITTED")
			.jsonPath("$.results[1].outcome").isEqualTo("NOT_A_TICKET");
		Instant earlier = Instant.now().minus(10, ChronoUnit.MINUTES);
		this.http.post().uri("/api/v1/events/{id}/check-ins/offline", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("deviceId", "handheld-7", "scans", List.of(
					Map.of("code", grace, "scannedAt", earlier.toString(), "nonce", UUID.randomUUID().toString()),
					Map.of("code", ada, "scannedAt", Instant.now().plus(1, ChronoUnit.MINUTES).toString(), "nonce",
							UUID.randomUUID().toString()))))
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.results[0].outcome").isEqualTo("ACCEPTED")
			.jsonPath("$.results[1].outcome").isEqualTo("CONFLICT")
			.jsonPath("$.results[1].admission.deviceId").isEqualTo("gate-1");
	}

	@Test
	void undoesAnAdmissionListsWhoIsInAndRevokesCancelledTickets() {
		Map<String, Object> ada = this.fixtures.registerGuest(this.event, this.type, "Ada Lovelace", false);
		Map<String, Object> grace = this.fixtures.registerGuest(this.event, this.type, "Grace Hopper", false);
		scan((String) ada.get("ticketCode"), "gate-1");
		scan((String) grace.get("ticketCode"), "gate-1");

		this.http.post().uri("/api/v1/registrations/{id}/check-in/undo", grace.get("id")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Scanned the wrong ticket")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
		this.http.get().uri("/api/v1/events/{id}/check-ins", this.event).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.checkedInCount").isEqualTo(1)
			.jsonPath("$.totalCount").isEqualTo(2);
		this.http.get().uri("/api/v1/events/{id}/check-ins?checkedIn=true", this.event).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data.length()").isEqualTo(1)
			.jsonPath("$.data[0].registration.attendee.name").isEqualTo("Ada Lovelace")
			.jsonPath("$.data[0].checkIn.deviceId").isEqualTo("gate-1");
		this.http.post().uri("/api/v1/registrations/{id}/cancel", grace.get("id")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Ill")).exchange().expectStatus().isOk();
		this.http.get().uri("/api/v1/events/{id}/revoked-tickets", this.event).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.registrationIds").isEqualTo(List.of(grace.get("id")));
		validate((String) grace.get("ticketCode")).jsonPath("$.state").isEqualTo("REVOKED");
	}

	private WebTestClient.BodyContentSpec scan(String code, String device) {
		return this.http.post().uri("/api/v1/events/{id}/check-ins", this.event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", code, "deviceId", device, "location", "Main entrance"))
			.exchange().expectStatus().isOk().expectBody();
	}

	private WebTestClient.BodyContentSpec validate(String code) {
		return this.http.post().uri("/api/v1/tickets/validate").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", code, "eventId", this.event))
			.exchange().expectStatus().isOk().expectBody();
	}

}
