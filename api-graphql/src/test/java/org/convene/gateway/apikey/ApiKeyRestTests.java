package org.convene.gateway.apikey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyRestTests extends GatewayIntegrationTest {

	private static final Map<String, Object> KEY = Map.of("name", "Ticket sync", "scopes", List.of("events:read"));

	/** An organizer, signed up and promoted by the administration client. */
	private String organizer() {
		Map<?, ?> user = this.anonymous.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "keys-" + UUID.randomUUID() + "@example.test", "password",
					"correct-horse-battery", "displayName", "Key Holder"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) user.get("id");
		this.http.put()
			.uri("/api/v1/users/{id}/roles", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("ORGANIZER")))
			.exchange()
			.expectStatus()
			.isOk();
		return id;
	}

	@Nested
	class Creating {

		@Test
		void isForbiddenToClientCredentialsWith403AndTheEnvelope() {
			http.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(KEY)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED")
				.jsonPath("$.error.status").isEqualTo(403)
				.jsonPath("$.error.details").value(details -> assertThat((String) details).contains("signed-in user"))
				.jsonPath("$.error.documentation").value(doc -> assertThat((String) doc).endsWith("/errors/PERMISSION_DENIED"));
		}

		@Test
		void isForbiddenToClientCredentialsEvenForAnOrganizer() {
			String owner = organizer();

			http.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "For someone", "scopes", List.of("events:read"), "ownerId", owner))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void isRefusedToAnonymousCallersWith401() {
			anonymous.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(KEY)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		}

		@Test
		void refusesUnknownAndMistypedFieldsBeforeCallingCore() {
			calls.reset();

			http.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "Bad", "scopes", "events:read", "expiresAt", "tomorrow", "secret", "mine"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field")
				.value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("scopes", "expiresAt", "secret"));

			assertThat(calls.byMethod()).doesNotContainKey("convene.core.v1.ApiKeyService/CreateApiKey");
		}

	}

	@Nested
	class Listing {

		@Test
		void listsTheKeysOfAUserForAnAdministrator() {
			String owner = organizer();

			http.get()
				.uri("/api/v1/api-keys?ownerId={owner}", owner)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data").isArray()
				.jsonPath("$.data.length()").isEqualTo(0);
		}

		@Test
		void isForbiddenWithoutOwnerToCredentialsActingForNoUser() {
			http.get()
				.uri("/api/v1/api-keys")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void isRefusedToAnonymousCallersWith401() {
			anonymous.get()
				.uri("/api/v1/api-keys?ownerId={owner}", UUID.randomUUID())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		}

		@Test
		void refusesMalformedOwnersAndUnknownParameters() {
			http.get().uri("/api/v1/api-keys?ownerId=someone").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.error.target").isEqualTo("ownerId");
			http.get().uri("/api/v1/api-keys?owner=" + UUID.randomUUID()).exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("owner");
		}

	}

	@Nested
	class Revoking {

		@Test
		void answersAnUnknownKeyWith404AndTheEnvelope() {
			http.post()
				.uri("/api/v1/api-keys/{id}/revoke", UUID.randomUUID())
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND")
				.jsonPath("$.error.target").isEqualTo("id");
		}

		@Test
		void refusesAMalformedId() {
			http.post()
				.uri("/api/v1/api-keys/not-a-key/revoke")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.target").isEqualTo("id");
		}

		@Test
		void isRefusedToAnonymousCallersWith401() {
			anonymous.post()
				.uri("/api/v1/api-keys/{id}/revoke", UUID.randomUUID())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		}

	}

}
