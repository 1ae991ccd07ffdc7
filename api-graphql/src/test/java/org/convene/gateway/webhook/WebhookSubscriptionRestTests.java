package org.convene.gateway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook subscriptions through REST and GraphQL, over real HTTP against the real core. */
class WebhookSubscriptionRestTests extends GatewayIntegrationTest {

	private static final String TARGET = "https://203.0.113.10/hooks/convene";

	private Map<?, ?> create(Map<String, Object> body) {
		return this.http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/webhooks/[0-9a-f-]{36}")
			.expectHeader().valueEquals("ETag", "\"1\"")
			.expectHeader().cacheControl(CacheControl.noStore())
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	@Test
	void subscribesShowsTheSecretOnceChangesRotatesAndDeletes() {
		Map<?, ?> created = create(Map.of("url", TARGET, "description", "CRM", "eventTypes", List.of("registration.confirmed")));
		Map<?, ?> subscription = (Map<?, ?>) created.get("subscription");
		String id = (String) subscription.get("id");

		assertThat((String) created.get("secret")).startsWith("whsec_");
		assertThat(subscription.get("owner")).isEqualTo("client:" + ADMIN_CLIENT);
		assertThat(subscription.get("retryPolicy")).isEqualTo(Map.of("maxAttempts", 13, "maxIntervalSeconds", 36000));
		this.http.get().uri("/api/v1/webhooks/{id}", id).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.secret").doesNotExist().jsonPath("$.secretPrefix").isEqualTo(((String) created.get("secret")).substring(0, 10));
		this.http.get().uri("/api/v1/webhooks").exchange().expectStatus().isOk().expectBody().jsonPath("$.data[?(@.id == '" + id + "')]").exists();

		this.http.patch().uri("/api/v1/webhooks/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", false, "eventTypes", List.of("checkin.completed", "event.cancelled"))).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"")
			.expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.disabledReason").isEqualTo("Disabled by its owner")
			.jsonPath("$.eventTypes.length()").isEqualTo(2);
		this.http.patch().uri("/api/v1/webhooks/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "Stale")).exchange()
			.expectStatus().isEqualTo(412);
		this.http.post().uri("/api/v1/webhooks/{id}/rotate-secret", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("overlapSeconds", 600)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.secret").value(secret -> assertThat((String) secret).startsWith("whsec_").isNotEqualTo(created.get("secret")))
			.jsonPath("$.subscription.previousSecretExpiresAt").exists();
		this.http.post().uri("/api/v1/webhooks/{id}/ping", id).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.messageId").value(messageId -> assertThat((String) messageId).startsWith("msg_"))
			.jsonPath("$.eventType").isEqualTo("ping")
			.jsonPath("$.succeeded").isEqualTo(false)
			.jsonPath("$.error").isNotEmpty();
		this.http.get().uri("/api/v1/webhooks/{id}/attempts?pageSize=5", id).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data.length()").isEqualTo(1)
			.jsonPath("$.data[0].eventType").isEqualTo("ping")
			.jsonPath("$.data[0].succeeded").isEqualTo(false)
			.jsonPath("$.hasNextPage").isEqualTo(false);
		graphQl.document("query($id: ID!) { webhookDeliveryAttempts(subscriptionId: $id) { nodes { eventType } pageInfo { hasNextPage } } }")
			.variable("id", id)
			.execute()
			.path("webhookDeliveryAttempts.nodes[*].eventType").entityList(String.class).containsExactly("ping");
		this.http.delete().uri("/api/v1/webhooks/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get().uri("/api/v1/webhooks/{id}", id).exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
	}

	@Test
	void listsTheMessagesOfASubscriptionAndRedeliversAPastEvent() {
		String id = (String) ((Map<?, ?>) create(Map.of("url", TARGET, "eventTypes", List.of("event.published")))
			.get("subscription")).get("id");
		String event = (String) this.http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event("Delivered", Instant.now().plus(30, ChronoUnit.DAYS))).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
		this.http.post().uri("/api/v1/events/{id}/publish", event).exchange().expectStatus().isOk();

		// The endpoint (a documentation address) never answers: the message waits for its next attempt.
		Map<?, ?> delivery = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id, ""), list -> !list.isEmpty())
			.get(0);
		assertThat(delivery.get("eventType")).isEqualTo("event.published");
		assertThat((String) delivery.get("messageId")).startsWith("msg_");
		assertThat(deliveries(id, "&status=DELIVERED")).isEmpty();

		this.http.post().uri("/api/v1/webhooks/{id}/events/{eventId}/redeliver", id, delivery.get("eventId")).exchange()
			.expectStatus().isAccepted()
			.expectBody()
			.jsonPath("$.messageId").isEqualTo(delivery.get("messageId"))
			.jsonPath("$.status").isEqualTo("PENDING")
			.jsonPath("$.attempts").isEqualTo(0);
		graphQl.document("query($id: ID!) { webhookDeliveries(subscriptionId: $id, status: PENDING) { nodes { messageId eventId } } }")
			.variable("id", id)
			.execute()
			.path("webhookDeliveries.nodes[0].messageId").entity(String.class).isEqualTo((String) delivery.get("messageId"));
		this.http.get().uri("/api/v1/webhooks/{id}/deliveries?status=LOST", id).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("status");
		this.http.post().uri("/api/v1/webhooks/{id}/events/{eventId}/redeliver", id, UUID.randomUUID()).exchange()
			.expectStatus().isNotFound();
	}

	private List<Map<?, ?>> deliveries(String id, String query) {
		Map<?, ?> page = this.http.get().uri("/api/v1/webhooks/" + id + "/deliveries?pageSize=10" + query).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<?, ?>> data = (List<Map<?, ?>>) page.get("data");
		return data;
	}

	@Test
	@SuppressWarnings("unchecked")
	void refusesAPrivateTargetAnUnknownEventTypeAndUnknownFieldsInTheEnvelope() {
		this.http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "https://169.254.169.254/latest/meta-data", "eventTypes", List.of("event.created", "event.exploded")))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.error.fieldErrors[*].field").value(fields -> assertThat((List<String>) fields).containsExactly("url", "eventTypes[1]"));
		this.http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", TARGET, "colour", "red")).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("colour");
		Object id = ((Map<?, ?>) create(Map.of("url", TARGET)).get("subscription")).get("id");
		this.http.patch().uri("/api/v1/webhooks/{id}", id)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Collections.singletonMap("enabled", null)).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("enabled");
	}

	@Test
	void answersGraphQlMutationsWithTypedResultsAndErrors() {
		graphQl.document("""
				mutation { createWebhookSubscription(input: {url: "https://203.0.113.10/gql", eventTypes: ["session.created"]}) {
				  __typename ... on CreatedWebhookSubscription { secret subscription { id eventTypes enabled } } } }""")
			.execute()
			.path("createWebhookSubscription.__typename").entity(String.class).isEqualTo("CreatedWebhookSubscription")
			.path("createWebhookSubscription.secret").entity(String.class).satisfies(secret -> assertThat(secret).startsWith("whsec_"))
			.path("createWebhookSubscription.subscription.eventTypes").entityList(String.class).containsExactly("session.created");
		graphQl.document("""
				mutation { createWebhookSubscription(input: {url: "http://203.0.113.10/plain"}) {
				  __typename ... on ValidationFailed { fieldErrors { field message } } } }""")
			.execute()
			.path("createWebhookSubscription.__typename").entity(String.class).isEqualTo("ValidationFailed")
			.path("createWebhookSubscription.fieldErrors[0].field").entity(String.class).isEqualTo("url");
		graphQl.document("{ webhookSubscriptions { url } }").execute()
			.path("webhookSubscriptions[*].url").entityList(String.class).contains("https://203.0.113.10/gql");
	}

}
