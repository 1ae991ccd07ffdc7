package org.convene.gateway.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys of signed-in users, whose tokens come from the browser sign-in of Convene's web client. */
class SignedInKeyOwnerTests extends GatewayIntegrationTest {

	private static final String WEB_CLIENT = "convene-web";

	private static final String REDIRECT_URI = "http://localhost:3000/callback";

	private static final String PASSWORD = "correct-horse-battery";

	private static final String SCOPES = "events:read users:read users:write";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/**
	 * A signed-up user with these roles, signed in.
	 *
	 * @param id the user's id
	 * @param http HTTP with the user's token
	 */
	private record Account(String id, WebTestClient http) {

		HttpGraphQlTester graphQl(String baseUrl) {
			return HttpGraphQlTester.create(this.http.mutate().baseUrl(baseUrl + "/graphql").build());
		}

	}

	private Account signedIn(String scope, String... roles) throws Exception {
		String email = "owner-" + UUID.randomUUID() + "@example.test";
		String id = (String) this.anonymous.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Key Owner"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.http.put()
			.uri("/api/v1/users/{id}/roles", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of(roles)))
			.exchange()
			.expectStatus()
			.isOk();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize(WEB_CLIENT, REDIRECT_URI, scope, email, PASSWORD, List.of());
		assertThat(result.code()).as("sign-in: %s", result.detail()).isNotNull();
		String token = AuthorizationCodeFlow.field(browser.exchange(WEB_CLIENT, REDIRECT_URI, result.code()).body(),
				"access_token");
		return new Account(id, this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
	}

	private static Map<String, Object> key(String name, String... scopes) {
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("name", name);
		key.put("scopes", List.of(scopes));
		return key;
	}

	private static Map<String, Object> create(Account owner, Map<String, Object> key) {
		return owner.http()
			.post()
			.uri("/api/v1/api-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(key)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static String idOf(Map<String, Object> created) {
		return (String) ((Map<String, Object>) created.get("key")).get("id");
	}

	@Nested
	class ThroughRest {

		@Test
		void createsAKeyWhoseSecretIsShownOnceAndActsForItsOwner() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");

			Map<String, Object> created = organizer.http()
				.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(key("Ticket sync", "users:read"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.cacheControl(CacheControl.noStore())
				.expectBody(JSON)
				.returnResult()
				.getResponseBody();
			String secret = (String) created.get("secret");

			assertThat(secret).startsWith("cvk_");
			assertThat(created.get("key")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("name", "Ticket sync")
				.containsEntry("ownerId", organizer.id())
				.containsEntry("scopes", List.of("users:read"))
				.containsEntry("prefix", secret.substring(0, 12))
				.containsEntry("revokedAt", null);
			anonymous.get()
				.uri("/api/v1/users/me")
				.header("X-API-Key", secret)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id").isEqualTo(organizer.id());
			organizer.http()
				.get()
				.uri("/api/v1/api-keys")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data[*].id").isEqualTo(List.of(idOf(created)))
				.jsonPath("$.data[0].secret").doesNotExist()
				.jsonPath("$.data[0].lastUsedAt").exists();
		}

		@Test
		void revokesAKeySoItStopsWorkingAtOnce() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");
			Map<String, Object> created = create(organizer, key("Short-lived", "users:read"));

			organizer.http()
				.post()
				.uri("/api/v1/api-keys/{id}/revoke", idOf(created))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id").isEqualTo(idOf(created))
				.jsonPath("$.revokedAt").exists();

			anonymous.get()
				.uri("/api/v1/users/me")
				.header("X-API-Key", (String) created.get("secret"))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
				.jsonPath("$.error.target").isEqualTo("X-API-Key");
		}

		@Test
		void reportsInvalidScopesAndAPastExpiryField() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");
			Map<String, Object> invalid = key("", "telepathy");
			invalid.put("expiresAt", "2001-01-01T00:00:00Z");

			organizer.http()
				.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(invalid)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field").isEqualTo(List.of("name", "scopes[0]", "expiresAt"));
		}

		@Test
		void refusesAScopeTheCreatorsTokenDoesNotHoldWith403() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");

			organizer.http()
				.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(key("Too much", "payments:write"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void refusesKeysToAttendeesWith403() throws Exception {
			Account attendee = signedIn(SCOPES, "ATTENDEE");

			attendee.http()
				.post()
				.uri("/api/v1/api-keys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(key("Not for me", "events:read"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void keepsOtherOwnersKeysOutOfReach() throws Exception {
			Account owner = signedIn(SCOPES, "ORGANIZER");
			Account stranger = signedIn(SCOPES, "ORGANIZER");
			String keyId = idOf(create(owner, key("Mine", "events:read")));

			stranger.http().get().uri("/api/v1/api-keys?ownerId={owner}", owner.id()).exchange()
				.expectStatus().isForbidden()
				.expectBody().jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
			stranger.http().post().uri("/api/v1/api-keys/{id}/revoke", keyId).exchange()
				.expectStatus().isForbidden()
				.expectBody().jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void letsAnAdministratorCreateAKeyForAnotherUserButNotForAnUnknownOne() throws Exception {
			Account admin = signedIn(SCOPES + " admin", "ADMIN");
			Account organizer = signedIn(SCOPES, "ORGANIZER");
			Map<String, Object> forOrganizer = key("Delegated", "events:read");
			forOrganizer.put("ownerId", organizer.id());
			Map<String, Object> forNobody = key("Orphan", "events:read");
			forNobody.put("ownerId", UUID.randomUUID().toString());

			String keyId = idOf(create(admin, forOrganizer));

			admin.http().get().uri("/api/v1/api-keys?ownerId={owner}", organizer.id()).exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(keyId))
				.jsonPath("$.data[0].ownerId").isEqualTo(organizer.id());
			admin.http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON).bodyValue(forNobody)
				.exchange()
				.expectStatus().isNotFound()
				.expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND").jsonPath("$.error.target").isEqualTo("ownerId");
		}

	}

	@Nested
	class ThroughGraphQl {

		private static final String CREATE = "mutation createApiKey($input: CreateApiKeyInput!) { "
				+ "createApiKey(input: $input) { __typename ... on CreatedApiKey { secret key { id name ownerId scopes "
				+ "prefix expiresAt revokedAt } } ... on ValidationFailed { fieldErrors { field } } "
				+ "... on UserError { code } } }";

		@Test
		void createsListsAndRevokesAKey() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");
			HttpGraphQlTester graphQl = organizer.graphQl(baseUrl);
			Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
			Map<String, Object> input = key("GraphQL key", "events:read");
			input.put("expiresAt", expiry.toString());

			String keyId = graphQl.document(CREATE)
				.variable("input", input)
				.execute()
				.path("createApiKey.__typename").entity(String.class).isEqualTo("CreatedApiKey")
				.path("createApiKey.secret").entity(String.class).satisfies(secret -> assertThat(secret).startsWith("cvk_"))
				.path("createApiKey.key.ownerId").entity(String.class).isEqualTo(organizer.id())
				.path("createApiKey.key.expiresAt").entity(String.class).isEqualTo(expiry.toString())
				.path("createApiKey.key.revokedAt").valueIsNull()
				.path("createApiKey.key.id").entity(String.class).get();
			graphQl.document("{ apiKeys { id name } }")
				.execute()
				.path("apiKeys[*].id").entityList(String.class).containsExactly(keyId);

			graphQl.document("mutation { revokeApiKey(input: {id: \"" + keyId + "\"}) "
					+ "{ __typename ... on ApiKeyResult { key { id revokedAt } } } }")
				.execute()
				.path("revokeApiKey.__typename").entity(String.class).isEqualTo("ApiKeyResult")
				.path("revokeApiKey.key.revokedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		}

		@Test
		void invalidScopesComeBackAsValidationFailed() throws Exception {
			Account organizer = signedIn(SCOPES, "ORGANIZER");

			organizer.graphQl(baseUrl)
				.document(CREATE)
				.variable("input", key("Odd", "events:read", "telepathy"))
				.execute()
				.path("createApiKey.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("createApiKey.fieldErrors[*].field").entityList(String.class).containsExactly("scopes[1]");
		}

		@Test
		void anUnknownOwnerComesBackAsNotFound() throws Exception {
			Account admin = signedIn(SCOPES + " admin", "ADMIN");
			Map<String, Object> input = key("Orphan", "events:read");
			input.put("ownerId", UUID.randomUUID().toString());

			admin.graphQl(baseUrl)
				.document(CREATE)
				.variable("input", input)
				.execute()
				.path("createApiKey.__typename").entity(String.class).isEqualTo("NotFound")
				.path("createApiKey.code").entity(String.class).isEqualTo("RESOURCE_NOT_FOUND");
		}

	}

}
