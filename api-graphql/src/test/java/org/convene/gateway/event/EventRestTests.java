package org.convene.gateway.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

class EventRestTests extends GatewayIntegrationTest {

	private static final Instant START = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private Map<String, Object> create(Map<String, Object> body) {
		return this.http.post()
			.uri("/api/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void createsReadsAndPublishesAnEventWithETags() {
		Map<String, Object> created = create(Json.event("REST Conf", START));
		String id = (String) created.get("id");

		this.http.get()
			.uri("/api/v1/events/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.title").isEqualTo("REST Conf")
			.jsonPath("$.status").isEqualTo("DRAFT")
			.jsonPath("$.startsAt").isEqualTo(Json.berlin(START))
			.jsonPath("$._links.self.href").isEqualTo("/api/v1/events/" + id);
		this.http.post()
			.uri("/api/v1/events/{id}/publish", id)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"2\"")
			.expectBody()
			.jsonPath("$.status").isEqualTo("PUBLISHED");
	}

	@Test
	void answersNotModifiedWhenTheETagStillMatches() {
		String id = (String) create(Json.event("Cached", START)).get("id");

		this.http.get()
			.uri("/api/v1/events/{id}", id)
			.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void patchesWithAStaleIfMatchFailWith412AndTheEnvelope() {
		String id = (String) create(Json.event("Patchable", START)).get("id");
		this.http.patch().uri("/api/v1/events/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"1\"").bodyValue(Map.of("title", "Patched")).exchange()
			.expectStatus().isOk();

		this.http.patch()
			.uri("/api/v1/events/{id}", id)
			.contentType(MediaType.valueOf("application/merge-patch+json"))
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.bodyValue(Map.of("title", "Lost update"))
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("PRECONDITION_FAILED")
			.jsonPath("$.error.status").isEqualTo(412)
			.jsonPath("$.error.target").isEqualTo("version");
	}

	@Test
	void clearsAFieldPatchedToNull() {
		Map<String, Object> body = new java.util.HashMap<>(Json.event("Capped", START));
		body.put("capacity", 50);
		String id = (String) create(body).get("id");
		Map<String, Object> patch = new java.util.HashMap<>();
		patch.put("capacity", null);

		this.http.patch()
			.uri("/api/v1/events/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(patch)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.capacity").doesNotExist();
	}

	@Test
	void cancelsWithAReasonAndServesStatistics() {
		String id = (String) create(Json.event("Cancelled", START)).get("id");

		this.http.post().uri("/api/v1/events/{id}/cancel", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Storm warning")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancellationReason").isEqualTo("Storm warning");
		this.http.get().uri("/api/v1/events/{id}/statistics", id).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.confirmed").isEqualTo(0).jsonPath("$.capacityRemaining").doesNotExist();
	}

	@Test
	void createsSubEventsAndSeriesThroughTheirEndpoints() {
		String parent = (String) create(Json.event("Festival", START)).get("id");
		Map<String, Object> child = Json.event("Opening", START.plusSeconds(600));
		child.put("endsAt", Json.berlin(START.plusSeconds(3600)));
		Map<String, Object> series = Json.event("Weekly", START);
		series.put("recurrence", Map.of("rule", "FREQ=WEEKLY;COUNT=3"));

		this.http.post().uri("/api/v1/events/{id}/sub-events", parent).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(child).exchange().expectStatus().isCreated();
		String seriesId = (String) create(series).get("id");

		this.http.get().uri("/api/v1/events/{id}/sub-events", parent).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.data[0].title").isEqualTo("Opening").jsonPath("$.pagination.totalCount").isEqualTo(1);
		this.http.get().uri("/api/v1/events/{id}/occurrences", seriesId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.data.length()").isEqualTo(3).jsonPath("$.data[0].kind").isEqualTo("OCCURRENCE");
		this.http.put().uri("/api/v1/events/{id}/recurrence", seriesId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rule", "FREQ=WEEKLY;COUNT=5")).exchange().expectStatus().isOk();
		this.http.get().uri("/api/v1/events/{id}/occurrences", seriesId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.pagination.totalCount").isEqualTo(5);
	}

	@Nested
	class Listing {

		private final String tag = "list-" + UUID.randomUUID().toString().substring(0, 8);

		private void createSeven() {
			for (int i = 0; i < 7; i++) {
				Map<String, Object> body = Json.event("Listed " + i, START.plus(i, ChronoUnit.DAYS));
				body.put("tags", List.of(this.tag));
				create(body);
			}
		}

		@Test
		void pagesByPageNumberWithLinkHeadersAndTotalCount() {
			createSeven();

			EntityExchangeResult<byte[]> page2 = http.get()
				.uri("/api/v1/events?tag={tag}&page=2&pageSize=3", this.tag)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Total-Count", "7")
				.expectBody()
				.jsonPath("$.data[0].title").isEqualTo("Listed 3")
				.jsonPath("$.pagination.page").isEqualTo(2)
				.returnResult();

			String links = page2.getResponseHeaders().getFirst(HttpHeaders.LINK);
			assertThat(links).contains("page=1&pageSize=3>; rel=\"first\"", "page=1&pageSize=3>; rel=\"prev\"",
					"page=3&pageSize=3>; rel=\"next\"", "page=3&pageSize=3>; rel=\"last\"");
		}

		@Test
		void pagesByLimitAndOffset() {
			createSeven();

			EntityExchangeResult<byte[]> page = http.get()
				.uri("/api/v1/events?tag={tag}&limit=5&offset=5", this.tag)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.length()").isEqualTo(2)
				.jsonPath("$.pagination.hasNextPage").isEqualTo(false)
				.returnResult();

			assertThat(page.getResponseHeaders().getFirst(HttpHeaders.LINK)).contains("offset=0&limit=5>; rel=\"prev\"")
				.contains("offset=5&limit=5>; rel=\"last\"")
				.doesNotContain("rel=\"next\"");
		}

		@Test
		void walksEveryPageByCursorWithoutGapsOrRepeats() {
			createSeven();
			List<String> titles = new java.util.ArrayList<>();
			String uri = "/api/v1/events?tag=" + this.tag + "&limit=3";

			while (uri != null) {
				Map<?, ?> page = http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
				((List<?>) page.get("data")).forEach(e -> titles.add((String) ((Map<?, ?>) e).get("title")));
				Object next = ((Map<?, ?>) page.get("pagination")).get("nextCursor");
				uri = next == null ? null : "/api/v1/events?tag=" + this.tag + "&limit=3&cursor=" + next;
			}

			assertThat(titles).containsExactly("Listed 0", "Listed 1", "Listed 2", "Listed 3", "Listed 4", "Listed 5", "Listed 6");
		}

		@Test
		void sortsAndSearchesFullText() {
			createSeven();

			http.get()
				.uri("/api/v1/events?tag={tag}&sort=-startsAt&q=listed&pageSize=2", this.tag)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data[0].title").isEqualTo("Listed 6")
				.jsonPath("$.pagination.totalCount").isEqualTo(7);
		}

		@Test
		void refusesAPageSizeOverTheMaximumAndUnknownParameters() {
			http.get().uri("/api/v1/events?pageSize=101").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.error.target").isEqualTo("pageSize");
			http.get().uri("/api/v1/events?colour=blue").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("colour");
			http.get().uri("/api/v1/events?status=SOLD_OUT").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("statuses");
		}

	}

	@Nested
	class Conventions {

		@Test
		void everyErrorCarriesTheWholeEnvelope() {
			http.get()
				.uri("/api/v1/events/{id}", UUID.randomUUID())
				.header("X-Correlation-ID", "corr-12345")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals("X-Correlation-ID", "corr-12345")
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND")
				.jsonPath("$.error.message").isEqualTo("The requested event could not be found")
				.jsonPath("$.error.details").exists()
				.jsonPath("$.error.target").isEqualTo("id")
				.jsonPath("$.error.status").isEqualTo(404)
				.jsonPath("$.error.timestamp").exists()
				.jsonPath("$.error.correlationId").isEqualTo("corr-12345")
				.jsonPath("$.error.documentation").value(doc -> assertThat((String) doc).endsWith("/errors/RESOURCE_NOT_FOUND"));
		}

		@Test
		void reportsEveryInvalidFieldWithItsTarget() {
			Map<String, Object> body = Json.event("", START);
			body.put("capacity", "lots");
			body.put("startsAt", "tomorrow");

			http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				.expectStatus().isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field").value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("capacity", "startsAt"));
		}

		@Test
		void malformedJsonUnknownPathsWrongMethodsAndMediaTypesGetTheEnvelope() {
			http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": ").exchange()
				.expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_REQUEST");
			http.get().uri("/api/v1/nothing-here").exchange()
				.expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
			http.delete().uri("/api/v1/events").exchange()
				.expectStatus().isEqualTo(405).expectHeader().exists(HttpHeaders.ALLOW)
				.expectBody().jsonPath("$.error.code").isEqualTo("METHOD_NOT_ALLOWED");
			http.post().uri("/api/v1/events").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
				.expectStatus().isEqualTo(415).expectBody().jsonPath("$.error.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		}

		@Test
		void echoesTheApiVersionAndRefusesUnknownOnes() {
			http.get().uri("/api/v1/events").header("X-API-Version", "1.0").exchange()
				.expectStatus().isOk().expectHeader().valueEquals("X-API-Version", "1.0");
			http.get().uri("/api/v1/events").exchange()
				.expectStatus().isOk().expectHeader().valueEquals("X-API-Version", "1.0");
			http.get().uri("/api/v1/events").header("X-API-Version", "1.7").exchange()
				.expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("UNSUPPORTED_API_VERSION");
		}

		@Test
		void createsACorrelationIdWhenNoneIsSent() {
			http.get().uri("/api/v1/events").exchange()
				.expectHeader().value("X-Correlation-ID", id -> assertThat(UUID.fromString(id)).isNotNull());
		}

		@Test
		void documentsEveryErrorCode() {
			http.get().uri("/errors/PRECONDITION_FAILED").exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.httpStatus").isEqualTo(412).jsonPath("$.grpcStatus").isEqualTo("ABORTED");
		}

	}

}
