package org.convene.gateway.idempotency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on the REST facade, over real HTTP against the real core. */
class IdempotencyRestTests extends GatewayIntegrationTest {

	private static final Instant START = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private WebTestClient.ResponseSpec post(String key, Map<String, Object> body) {
		return this.http.post()
			.uri("/api/v1/events")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static EntityExchangeResult<byte[]> created(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isCreated().expectBody().returnResult();
	}

	@Test
	void replaysTheCreationWithTheSameStatusLocationAndBody() {
		String key = UUID.randomUUID().toString();
		String title = "REST replay " + key;

		EntityExchangeResult<byte[]> first = created(post(key, Json.event(title, START)));
		EntityExchangeResult<byte[]> retry = created(post(key, Json.event(title, START)));

		assertThat(retry.getResponseHeaders().getLocation()).isNotNull().isEqualTo(first.getResponseHeaders().getLocation());
		assertThat(retry.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
		assertThat(new String(retry.getResponseBody())).isEqualTo(new String(first.getResponseBody()));
		assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(EventCounts.titled(title)).isEqualTo(1);
	}

	@Test
	void readsTheQuotedKeyOfTheIetfDraftAsTheSameKey() {
		String key = UUID.randomUUID().toString();
		String title = "Quoted key " + key;

		EntityExchangeResult<byte[]> quoted = created(post("\"" + key + "\"", Json.event(title, START)));
		EntityExchangeResult<byte[]> bare = created(post(key, Json.event(title, START)));

		assertThat(bare.getResponseHeaders().getLocation()).isEqualTo(quoted.getResponseHeaders().getLocation());
		assertThat(bare.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(EventCounts.titled(title)).isEqualTo(1);
	}

	@Test
	void refusesTheKeyWithAnotherBodyWith422AndTheEnvelope() {
		String key = UUID.randomUUID().toString();
		created(post(key, Json.event("First body " + key, START)));

		post(key, Json.event("Second body " + key, START)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("IDEMPOTENCY_KEY_REUSED")
			.jsonPath("$.error.status").isEqualTo(422)
			.jsonPath("$.error.target").isEqualTo("Idempotency-Key")
			.jsonPath("$.error.correlationId").exists();
		assertThat(EventCounts.titled("Second body " + key)).isZero();
	}

	@Test
	void refusesAMalformedKeyWith400BeforeCallingCore() {
		String title = "Malformed key " + UUID.randomUUID();

		post("\"unterminated", Json.event(title, START)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("INVALID_REQUEST")
			.jsonPath("$.error.target").isEqualTo("Idempotency-Key");
		assertThat(EventCounts.titled(title)).isZero();
	}

	@Test
	void replaysAConditionalChangeInsteadOfFailingItsRetryAsStale() {
		String id = (String) this.http.post()
			.uri("/api/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event("Patched once", START))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		String key = UUID.randomUUID().toString();

		for (int attempt = 0; attempt < 2; attempt++) {
			this.http.patch()
				.uri("/api/v1/events/{id}", id)
				.header("Idempotency-Key", key)
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "Patched twice?"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"2\"");
		}
	}

}
