package org.convene.gateway.registration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.gateway.support.Registrations.at;

/** Ticket types and registrations through the REST facade, over real HTTP against the real core. */
class RegistrationRestTests extends GatewayIntegrationTest {

	private Registrations fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new Registrations(this.http);
	}

	@Test
	void createsTicketTypesWithLocationAndETagAndRefusesAStaleChange() {
		String event = this.fixtures.publishedEvent(100);

		Map<?, ?> created = this.http.post().uri("/api/v1/events/{id}/ticket-types", event).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Early bird", "price", Map.of("amount", 4900, "currency", "EUR"), "quantity", 20))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/ticket-types/[0-9a-f-]{36}")
			.expectHeader().valueEquals("ETag", "\"1\"")
			.expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");

		assertThat(((Map<?, ?>) created.get("price")).get("amount")).isEqualTo(4900);
		assertThat(created.get("remaining")).isEqualTo(20);
		this.http.get().uri("/api/v1/events/{id}/ticket-types", event).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(id);
		this.http.patch().uri("/api/v1/ticket-types/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("quantity", 30)).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
		this.http.patch().uri("/api/v1/ticket-types/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("quantity", 40)).exchange()
			.expectStatus().isEqualTo(412)
			.expectBody().jsonPath("$.error.code").isEqualTo("PRECONDITION_FAILED");
	}

	@Test
	void confirmsUntilSoldOutThenWaitlistsOnRequestAndPromotesWhenASeatFrees() {
		String event = this.fixtures.publishedEvent(2);
		String type = this.fixtures.freeTicketType(event, "Standard", null);
		Map<String, Object> first = this.fixtures.registerGuest(event, type, "Ada Lovelace", false);
		this.fixtures.registerGuest(event, type, "Grace Hopper", false);

		this.http.post().uri("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Registrations.guest(event, type, "Late Comer", false)).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.error.code").isEqualTo("SOLD_OUT");
		Map<String, Object> waiting = this.fixtures.registerGuest(event, type, "Patient One", true);
		this.http.post().uri("/api/v1/registrations/{id}/cancel", first.get("id")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Cannot come")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

		assertThat(first.get("status")).isEqualTo("CONFIRMED");
		assertThat(first.get("ticketCode")).asString().startsWith("CV1.");
		assertThat(at(first, "_links.ticketPdf.href")).isEqualTo("/api/v1/registrations/" + first.get("id") + "/ticket.pdf");
		assertThat(waiting.get("status")).isEqualTo("WAITLISTED");
		assertThat(waiting.get("waitlistPosition")).isEqualTo(1);
		this.http.get().uri("/api/v1/registrations/{id}", waiting.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CONFIRMED").jsonPath("$.ticketCode").isNotEmpty();
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheSameRegistrationAndTakesNoSecondSeat() {
		String event = this.fixtures.publishedEvent(1);
		String type = this.fixtures.freeTicketType(event, "Standard", null);
		Map<String, Object> guest = Registrations.guest(event, type, "Ada Lovelace", false);
		String key = UUID.randomUUID().toString();

		Map<?, ?> first = this.http.post().uri("/api/v1/registrations").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(guest).exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> retry = this.http.post().uri("/api/v1/registrations").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(guest).exchange()
			.expectStatus().isCreated()
			.expectHeader().valueEquals("Idempotent-Replayed", "true")
			.expectBody(Map.class).returnResult().getResponseBody();

		assertThat(retry).isEqualTo(first);
		assertThat(first.get("ticketCode")).asString().startsWith("CV1.");
		this.http.get().uri("/api/v1/events/{id}/statistics", event).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.capacityRemaining").isEqualTo(0).jsonPath("$.confirmed").isEqualTo(1);
	}

	@Test
	void servesTheTicketAsItsCodeAndAsAPdf() {
		String event = this.fixtures.publishedEvent(10);
		Map<String, Object> registration = this.fixtures.registerGuest(event, this.fixtures.freeTicketType(event, "Standard", 5),
				"Ada Lovelace", false);

		this.http.get().uri("/api/v1/registrations/{id}/ticket", registration.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.code").isEqualTo(registration.get("ticketCode"));
		byte[] pdf = this.http.get().uri("/api/v1/registrations/{id}/ticket.pdf", registration.get("id")).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class).returnResult().getResponseBody();

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void answersEachBatchItemWithItsRegistrationOrItsErrorInTheEnvelopeShape() {
		String event = this.fixtures.publishedEvent(10);
		String type = this.fixtures.freeTicketType(event, "Standard", null);

		Map<?, ?> response = this.http.post().uri("/api/v1/registrations/batch").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("items", List.of(Registrations.guest(event, type, "Ada Lovelace", false),
					Map.of("eventId", event, "ticketTypeId", type, "attendee", Map.of("name", "No Mail", "email", "not-an-address")))))
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

		List<?> results = (List<?>) response.get("results");
		assertThat(((Map<?, ?>) ((Map<?, ?>) results.get(0)).get("registration")).get("status")).isEqualTo("CONFIRMED");
		Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) results.get(1)).get("error");
		assertThat(error.get("code")).isEqualTo("VALIDATION_FAILED");
		assertThat(error.get("status")).isEqualTo(400);
		assertThat(error.get("correlationId")).isNotNull();
	}

	@Test
	void listsAndExportsTheAttendeeListOfAnEvent() {
		String event = this.fixtures.publishedEvent(10);
		String type = this.fixtures.freeTicketType(event, "Standard", null);
		this.fixtures.registerGuest(event, type, "Ada Lovelace", false);
		this.fixtures.registerGuest(event, type, "Grace Hopper", false);

		this.http.get().uri("/api/v1/registrations?eventId={id}&q=grace&pageSize=10", event).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Total-Count", "1")
			.expectBody().jsonPath("$.data[0].attendee.name").isEqualTo("Grace Hopper");
		String csv = this.http.get().uri("/api/v1/registrations/export?eventId={id}", event).accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*\\.csv.*")
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(csv.lines()).hasSize(3);
		assertThat(csv).contains("Ada Lovelace").contains("Grace Hopper");
		this.http.get().uri("/api/v1/registrations?eventId={id}&colour=blue", event).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.target").isEqualTo("colour");
	}

}
