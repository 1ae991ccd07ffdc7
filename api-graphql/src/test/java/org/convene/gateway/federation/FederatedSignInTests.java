package org.convene.gateway.federation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.ExternalOpenIdProvider;
import org.convene.gateway.support.ExternalOpenIdProvider.Person;
import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with an external OpenID Connect provider: a second authorization server, started
 * here with its own users, keys and login page, registered by an administrator through the
 * REST API; the whole round trip runs over HTTP as a browser would drive it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederatedSignInTests extends GatewayIntegrationTest {

	private static final String WEB_CLIENT = "convene-web";

	private static final String REDIRECT_URI = "http://localhost:3000/callback";

	private static final String PROVIDER_SECRET = "provider-secret-for-convene";

	private final String providerId = "acme-" + UUID.randomUUID().toString().substring(0, 8);

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final Person ada = new Person("ada", "ada-password", "ada-" + this.suffix + "@acme.test", true, "Ada Lovelace");

	private final Person grace = new Person("grace", "grace-password", "grace-" + this.suffix + "@acme.test", true,
			"Grace Hopper");

	private final Person eve = new Person("eve", "eve-password", "eve-" + this.suffix + "@acme.test", false, "Eve");

	private ExternalOpenIdProvider provider;

	@BeforeAll
	void startAndRegisterTheProvider() {
		this.provider = ExternalOpenIdProvider.start("convene", PROVIDER_SECRET,
				this.baseUrl + "/login/oauth2/code/" + this.providerId, List.of(this.ada, this.grace, this.eve));
		this.anonymous.post()
			.uri("/api/v1/identity-providers")
			.headers(headers -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", this.providerId, "name", "Acme Corp", "issuer", this.provider.issuer(), "clientId",
					"convene", "clientSecret", PROVIDER_SECRET))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.redirectUri").isEqualTo(this.baseUrl + "/login/oauth2/code/" + this.providerId)
			.jsonPath("$.scopes").isEqualTo(List.of("openid", "email", "profile"))
			.jsonPath("$.clientSecret").doesNotExist();
	}

	@AfterAll
	void stopTheProvider() {
		this.provider.close();
	}

	@Test
	void signsInSomeoneNewAsAnAttendeeWithTheAddressTheProviderVerified() throws Exception {
		String token = signInThroughTheProvider(this.ada);

		me(token).jsonPath("$.email").isEqualTo(this.ada.email())
			.jsonPath("$.displayName").isEqualTo("Ada Lovelace")
			.jsonPath("$.emailVerified").isEqualTo(true)
			.jsonPath("$.roles").isEqualTo(List.of("ATTENDEE"));
		awaitAuditRecord(Map.of("actor", "user:" + idOf(token), "operation", "GET /login/oauth2/code/" + this.providerId,
				"outcome", "OK"));
	}

	@Test
	void signsInTheConveneUserWithTheSameAddressWithTheirRoles() throws Exception {
		Map<?, ?> existing = this.anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", this.grace.email(), "password", "a password of grace's", "displayName", "Grace"))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) existing.get("id");
		this.http.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("ORGANIZER"))).exchange().expectStatus().isOk();

		String token = signInThroughTheProvider(this.grace);

		me(token).jsonPath("$.id").isEqualTo(id).jsonPath("$.roles").isEqualTo(List.of("ORGANIZER"));
	}

	@Test
	void refusesAnAddressTheProviderDidNotVerifyAndSaysWhy() throws Exception {
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);

		AuthorizationCodeFlow.Result result = browser.authorizeThroughProvider(WEB_CLIENT, REDIRECT_URI, "users:read",
				"Acme Corp", this.eve.username(), this.eve.password());

		assertThat(result.code()).isNull();
		assertThat(browser.lastPage()).contains("Acme Corp did not confirm that your e-mail address is verified");
		this.http.get().uri("/api/v1/users?q={email}", this.eve.email()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.data").isEmpty();
		awaitAuditRecord(Map.of("actor", "anonymous", "operation", "GET /login/oauth2/code/" + this.providerId, "outcome",
				"ACCESS_DENIED"));
	}

	@Test
	void offersOnlyEnabledProvidersOnTheLoginPage() {
		assertThat(loginPage()).contains("Sign in with Acme Corp");

		this.http.post().uri("/api/v1/identity-providers/{id}/disable", this.providerId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.enabled").isEqualTo(false);
		try {
			assertThat(loginPage()).doesNotContain("Acme Corp");
			this.anonymous.get().uri("/oauth2/authorization/{id}", this.providerId).exchange()
				.expectStatus().isFound()
				.expectHeader().value("Location", location -> assertThat(location).endsWith("/login?error"));
		}
		finally {
			this.http.post().uri("/api/v1/identity-providers/{id}/enable", this.providerId).exchange().expectStatus().isOk();
		}
	}

	@Test
	void refusesAnIssuerWhoseDiscoveryDocumentCannotBeReadNamingTheField() {
		this.http.post()
			.uri("/api/v1/identity-providers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", "nowhere", "name", "Nowhere", "issuer", "http://localhost:1", "clientId", "c",
					"clientSecret", "s"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.error.target").isEqualTo("issuer");
	}

	@Test
	void refusesATakenIdWith409() {
		this.http.post()
			.uri("/api/v1/identity-providers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", this.providerId, "name", "Again", "issuer", this.provider.issuer(), "clientId",
					"convene", "clientSecret", PROVIDER_SECRET))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.error.code").isEqualTo("CONFLICT");
	}

	@Test
	void listsProvidersThroughGraphQlWithoutTheirSecrets() {
		this.graphQl.document("{ identityProviders { id name issuer enabled redirectUri } }")
			.execute()
			.path("identityProviders[?(@.id == '" + this.providerId + "')].issuer")
			.entityList(String.class)
			.containsExactly(this.provider.issuer());
	}

	private String signInThroughTheProvider(Person person) throws Exception {
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorizeThroughProvider(WEB_CLIENT, REDIRECT_URI,
				"users:read events:read", "Acme Corp", person.username(), person.password());
		assertThat(result.code()).as(result.detail()).isNotNull();
		String token = AuthorizationCodeFlow.field(browser.exchange(WEB_CLIENT, REDIRECT_URI, result.code()).body(),
				"access_token");
		assertThat(token).isNotNull();
		return token;
	}

	private WebTestClient.BodyContentSpec me(String token) {
		return this.anonymous.get().uri("/api/v1/users/me").headers(headers -> headers.setBearerAuth(token)).exchange()
			.expectStatus().isOk().expectBody();
	}

	private String idOf(String token) {
		return (String) this.anonymous.get().uri("/api/v1/users/me").headers(headers -> headers.setBearerAuth(token))
			.exchange().expectBody(Map.class).returnResult().getResponseBody().get("id");
	}

	private String loginPage() {
		return this.anonymous.get().uri("/login").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

}
