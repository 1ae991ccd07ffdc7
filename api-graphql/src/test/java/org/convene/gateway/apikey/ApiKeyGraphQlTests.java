package org.convene.gateway.apikey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyGraphQlTests extends GatewayIntegrationTest {

	private static final String CREATE = "mutation createApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) "
			+ "{ __typename ... on CreatedApiKey { secret key { id prefix } } ... on UserError { code message } } }";

	@Test
	void creatingAKeyIsForbiddenToClientCredentials() {
		this.graphQl.document(CREATE)
			.variable("input", Map.of("name", "Sync", "scopes", List.of("events:read"), "expiresAt", "2099-01-01T00:00:00Z"))
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getPath()).isEqualTo("createApiKey");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "PERMISSION_DENIED");
			});
	}

	@Test
	void listsTheKeysOfAUserForAnAdministrator() {
		String owner = (String) this.anonymous.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "gql-keys-" + UUID.randomUUID() + "@example.test", "password",
					"correct-horse-battery", "displayName", "Keyless"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		this.graphQl.document("{ apiKeys(ownerId: \"" + owner + "\") { id name scopes prefix createdAt expiresAt "
				+ "lastUsedAt revokedAt ownerId } }")
			.execute()
			.path("apiKeys").entityList(Object.class).hasSize(0);
	}

	@Test
	void listingOwnKeysIsForbiddenToCredentialsActingForNoUser() {
		this.graphQl.document("{ apiKeys { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "PERMISSION_DENIED"));
	}

	@Test
	void revokingAnUnknownKeyComesBackAsNotFound() {
		this.graphQl.document("mutation { revokeApiKey(input: {id: \"" + UUID.randomUUID() + "\"}) "
				+ "{ __typename ... on ApiKeyResult { key { revokedAt } } ... on UserError { code } } }")
			.execute()
			.path("revokeApiKey.__typename").entity(String.class).isEqualTo("NotFound")
			.path("revokeApiKey.code").entity(String.class).isEqualTo("RESOURCE_NOT_FOUND");
	}

	@Test
	void revokingAMalformedIdComesBackAsValidationFailed() {
		this.graphQl.document("mutation { revokeApiKey(input: {id: \"not-a-key\"}) "
				+ "{ __typename ... on ValidationFailed { fieldErrors { field } } } }")
			.execute()
			.path("revokeApiKey.__typename").entity(String.class).isEqualTo("ValidationFailed")
			.path("revokeApiKey.fieldErrors[0].field").entity(String.class).isEqualTo("id");
	}

}
