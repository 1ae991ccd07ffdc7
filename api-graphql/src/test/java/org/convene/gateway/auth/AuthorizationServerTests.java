package org.convene.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization server's flows, driven over real HTTP the way clients drive them. */
class AuthorizationServerTests extends GatewayIntegrationTest {

	private static final String REDIRECT = "http://localhost:3000/callback";

	@Autowired
	JwtEncoder encoder;

	private String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Registers a client as the administration client; returns its secret (null for public clients). */
	private String register(Map<String, Object> client) {
		Map<?, ?> created = this.http.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON).bodyValue(client)
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("clientSecret");
	}

	private String publicClient(boolean consent, String... scopes) {
		String clientId = unique("spa");
		register(Map.of("clientId", clientId, "name", "Test SPA", "type", "PUBLIC", "grantTypes",
				List.of("authorization_code", "refresh_token"), "redirectUris", List.of(REDIRECT), "scopes", List.of(scopes),
				"requireConsent", consent));
		return clientId;
	}

	private String signUp(String password) {
		String email = unique("user") + "@example.test";
		this.anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password, "displayName", "Signed In"))
			.exchange().expectStatus().isCreated();
		return email;
	}

	private Map<?, ?> tokenRequest(String basicUser, String basicSecret, Map<String, String> form) {
		LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
		form.forEach(body::add);
		return this.anonymous.post().uri("/oauth2/token")
			.headers(headers -> {
				if (basicUser != null) {
					headers.setBasicAuth(basicUser, basicSecret);
				}
			})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(body))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> claims(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return new org.springframework.boot.json.JacksonJsonParser().parseMap(payload);
	}

	@Test
	void advertisesTheCodeFlowWithPkceAndNoImplicitGrant() {
		this.anonymous.get().uri("/.well-known/openid-configuration").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.issuer").isEqualTo(this.baseUrl)
			.jsonPath("$.response_types_supported").value(types -> assertThat((List<String>) types).containsExactly("code"))
			.jsonPath("$.grant_types_supported").value(grants -> assertThat((List<String>) grants).doesNotContain("implicit"))
			.jsonPath("$.code_challenge_methods_supported").value(methods -> assertThat((List<String>) methods).contains("S256"))
			.jsonPath("$.jwks_uri").isEqualTo(this.baseUrl + "/oauth2/jwks");
	}

	@Test
	void refusesTheImplicitGrant() throws Exception {
		String clientId = publicClient(false, "events:read");
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(this.baseUrl
				+ "/oauth2/authorize?response_type=token&client_id=" + clientId + "&redirect_uri=" + REDIRECT + "&scope=events:read"))
			.build(), HttpResponse.BodyHandlers.ofString());

		String location = response.headers().firstValue("Location").orElse("");
		assertThat(location).doesNotContain("access_token");
		assertThat(response.statusCode() == 400 || location.contains("error=unsupported_response_type")
				|| location.contains("/login")).as(response.statusCode() + " " + location).isTrue();
	}

	@Nested
	class AuthorizationCodeWithPkce {

		@Test
		void signsInOnTheLoginPageAndIssuesTokensActingForTheUser() throws Exception {
			String clientId = publicClient(false, "openid", "profile", "email", "users:read", "events:read");
			String email = signUp("correct horse battery staple");
			AuthorizationCodeFlow browser = new AuthorizationCodeFlow(baseUrl);

			AuthorizationCodeFlow.Result result = browser.authorize(clientId, REDIRECT, "openid profile email users:read events:read",
					email, "correct horse battery staple", null);
			HttpResponse<String> tokens = browser.exchange(clientId, REDIRECT, result.code());

			assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
			String accessToken = AuthorizationCodeFlow.field(tokens.body(), "access_token");
			assertThat(AuthorizationCodeFlow.field(tokens.body(), "id_token")).isNotBlank();
			assertThat(AuthorizationCodeFlow.field(tokens.body(), "refresh_token")).isNotBlank();
			assertThat(claims(accessToken)).containsEntry("client_id", clientId).containsKey("convene_user")
				.containsEntry("aud", "convene-api");
			anonymous.get().uri("/api/v1/users/me").header("Authorization", "Bearer " + accessToken).exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
			anonymous.get().uri("/userinfo").header("Authorization", "Bearer " + accessToken).exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
		}

		@Test
		void refusesAWrongPasswordOnTheLoginPage() throws Exception {
			String clientId = publicClient(false, "events:read");
			String email = signUp("correct horse battery staple");

			AuthorizationCodeFlow.Result result = new AuthorizationCodeFlow(baseUrl)
				.authorize(clientId, REDIRECT, "events:read", email, "wrong password 123", null);

			assertThat(result.code()).isNull();
			assertThat(result.detail()).contains("Wrong e-mail address or password.");
		}

		@Test
		void rotatesRefreshTokensOfPublicClients() throws Exception {
			String clientId = publicClient(false, "events:read");
			String email = signUp("correct horse battery staple");
			AuthorizationCodeFlow browser = new AuthorizationCodeFlow(baseUrl);
			String code = browser.authorize(clientId, REDIRECT, "events:read", email, "correct horse battery staple", null).code();
			String refreshToken = AuthorizationCodeFlow.field(browser.exchange(clientId, REDIRECT, code).body(), "refresh_token");

			HttpResponse<String> refreshed = browser.refresh(clientId, refreshToken);
			HttpResponse<String> replayed = browser.refresh(clientId, refreshToken);

			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
			assertThat(AuthorizationCodeFlow.field(refreshed.body(), "refresh_token")).isNotEqualTo(refreshToken);
			assertThat(replayed.statusCode()).isEqualTo(400);
			assertThat(replayed.body()).contains("invalid_grant");
		}

		@Test
		void asksForConsentAndGrantsOnlyTheApprovedScopes() throws Exception {
			String clientId = publicClient(true, "events:read", "users:read");
			String email = signUp("correct horse battery staple");
			AuthorizationCodeFlow browser = new AuthorizationCodeFlow(baseUrl);

			String code = browser.authorize(clientId, REDIRECT, "events:read users:read", email, "correct horse battery staple",
					List.of("events:read")).code();
			String accessToken = AuthorizationCodeFlow.field(browser.exchange(clientId, REDIRECT, code).body(), "access_token");

			assertThat((List<Object>) claims(accessToken).get("scope")).containsExactly("events:read");
		}

	}

	@Nested
	class ClientCredentials {

		@Test
		void issuesShortLivedTokensThatIntrospectionKnowsUntilRevoked() {
			Map<?, ?> token = tokenRequest(ADMIN_CLIENT, ADMIN_CLIENT_SECRET, Map.of("grant_type", "client_credentials",
					"scope", "events:read"));
			String accessToken = (String) token.get("access_token");

			Map<?, ?> active = introspect(accessToken);
			anonymous.post().uri("/oauth2/revoke").headers(h -> h.setBasicAuth(ADMIN_CLIENT, ADMIN_CLIENT_SECRET))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("token", accessToken))
				.exchange().expectStatus().isOk();
			Map<?, ?> revoked = introspect(accessToken);

			assertThat(((Number) token.get("expires_in")).intValue()).isBetween(60, 300);
			assertThat(active.get("active")).isEqualTo(true);
			assertThat(revoked.get("active")).isEqualTo(false);
		}

		@Test
		void refusesADisabledClientAndItsTokens() {
			String clientId = unique("partner");
			String secret = register(Map.of("clientId", clientId, "name", "Partner", "type", "CONFIDENTIAL", "grantTypes",
					List.of("client_credentials"), "scopes", List.of("events:read")));
			String token = clientCredentialsToken(clientId, secret, null);

			http.post().uri("/api/v1/clients/{id}/disable", clientId).exchange().expectStatus().isOk();

			Map<?, ?> refused = tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
			assertThat(refused.get("error")).isEqualTo("invalid_client");
			anonymous.get().uri("/api/v1/events").header("Authorization", "Bearer " + token).exchange()
				.expectStatus().isUnauthorized();
		}

		@Test
		void acceptsAClientOnlyFromTheAddressesItsAllowlistNames() {
			String clientId = unique("walled");
			String secret = register(Map.of("clientId", clientId, "name", "Walled", "type", "CONFIDENTIAL", "grantTypes",
					List.of("client_credentials"), "scopes", List.of("events:read"), "ipAllowlist", List.of("10.11.12.0/24")));

			anonymous.post().uri("/oauth2/token").headers(h -> h.setBasicAuth(clientId, secret))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("grant_type", "client_credentials"))
				.exchange().expectStatus().isForbidden()
				.expectBody().jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		private Map<?, ?> introspect(String token) {
			return anonymous.post().uri("/oauth2/introspect").headers(h -> h.setBasicAuth(ADMIN_CLIENT, ADMIN_CLIENT_SECRET))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("token", token))
				.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		}

	}

	@Nested
	class PasswordGrant {

		@Test
		void worksOnlyForFirstPartyClientsItWasEnabledFor() {
			String email = signUp("correct horse battery staple");
			String trusted = unique("first-party");
			String trustedSecret = register(Map.of("clientId", trusted, "name", "Kiosk", "type", "CONFIDENTIAL", "grantTypes",
					List.of("password", "refresh_token"), "scopes", List.of("events:read"), "firstParty", true, "passwordGrant", true));
			String other = unique("third-party");
			String otherSecret = register(Map.of("clientId", other, "name", "Other", "type", "CONFIDENTIAL", "grantTypes",
					List.of("client_credentials"), "scopes", List.of("events:read")));
			Map<String, String> form = Map.of("grant_type", "password", "username", email, "password",
					"correct horse battery staple", "scope", "events:read");

			Map<?, ?> granted = tokenRequest(trusted, trustedSecret, form);
			Map<?, ?> refused = tokenRequest(other, otherSecret, form);

			assertThat(claims((String) granted.get("access_token"))).containsKey("convene_user");
			assertThat(refused.get("error")).isEqualTo("unauthorized_client");
		}

		@Test
		void cannotBeEnabledForAClientThatIsNotFirstParty() {
			http.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("clientId", unique("sneaky"), "name", "Sneaky", "type", "CONFIDENTIAL", "grantTypes",
						List.of("password"), "scopes", List.of("events:read"), "passwordGrant", true))
				.exchange().expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.fieldErrors[*].field").value(fields -> assertThat((List<String>) fields).contains("passwordGrant"));
		}

	}

	@Nested
	class SigningKeys {

		@Test
		void rotatesWithoutInvalidatingTokensSignedByTheOldKey() {
			String before = clientCredentialsToken(ADMIN_CLIENT, ADMIN_CLIENT_SECRET, "events:read admin");
			String oldKid = kid(before);

			http.post().uri("/api/v1/admin/signing-keys/rotate").header("Authorization", "Bearer " + before).exchange()
				.expectStatus().isOk();
			String after = clientCredentialsToken(ADMIN_CLIENT, ADMIN_CLIENT_SECRET, "events:read");

			assertThat(kid(after)).isNotEqualTo(oldKid);
			anonymous.get().uri("/api/v1/events").header("Authorization", "Bearer " + before).exchange().expectStatus().isOk();
			anonymous.get().uri("/api/v1/events").header("Authorization", "Bearer " + after).exchange().expectStatus().isOk();
			anonymous.get().uri("/oauth2/jwks").exchange().expectBody()
				.jsonPath("$.keys[*].kid").value(kids -> assertThat((List<String>) kids).contains(oldKid, kid(after)));
		}

		private String kid(String jwt) {
			String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
			return (String) new org.springframework.boot.json.JacksonJsonParser().parseMap(header).get("kid");
		}

	}

	@Nested
	class BadCredentials {

		@Test
		void refusesMalformedExpiredForeignAndMisaddressedTokensWith401() throws Exception {
			String expired = encode(Instant.now().minusSeconds(600), Instant.now().minusSeconds(60), "convene-api");
			String otherAudience = encode(Instant.now(), Instant.now().plusSeconds(60), "some-other-api");
			var key = new RSAKeyGenerator(2048).keyID("stranger").generate();
			SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
					new JWTClaimsSet.Builder().issuer(baseUrl).subject("x").audience("convene-api")
						.expirationTime(java.util.Date.from(Instant.now().plusSeconds(60))).build());
			foreign.sign(new RSASSASigner(key));

			for (String token : List.of("not-a-jwt", expired, otherAudience, foreign.serialize(),
					adminToken().substring(0, adminToken().length() - 4) + "abcd")) {
				anonymous.get().uri("/api/v1/events").header("Authorization", "Bearer " + token).exchange()
					.expectStatus().isUnauthorized()
					.expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
			}
		}

		@Test
		void refusesAnUnknownSchemeAndAnOversizedHeaderWithoutA500() {
			anonymous.get().uri("/api/v1/events").header("Authorization", "Token abc").exchange()
				.expectStatus().isUnauthorized();
			anonymous.get().uri("/api/v1/events").header("Authorization", "Bearer " + "a".repeat(20_000)).exchange()
				.expectStatus().value(status -> assertThat(status).isBetween(400, 499));
		}

		@Test
		void refusesUnknownClientsAtTheTokenEndpoint() {
			Map<?, ?> response = tokenRequest("no-such-client", "secret", Map.of("grant_type", "client_credentials"));

			assertThat(response.get("error")).isEqualTo("invalid_client");
		}

		@Test
		void keepsClientAdministrationForAdministrators() {
			String attendeeToken = clientCredentialsToken(ADMIN_CLIENT, ADMIN_CLIENT_SECRET, "events:read");

			anonymous.get().uri("/api/v1/clients").exchange().expectStatus().isUnauthorized();
			anonymous.get().uri("/api/v1/clients").header("Authorization", "Bearer " + attendeeToken).exchange()
				.expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		private String encode(Instant issuedAt, Instant expiresAt, String audience) {
			return encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
				.issuer(baseUrl)
				.subject("convene-admin")
				.audience(List.of(audience))
				.issuedAt(issuedAt)
				.expiresAt(expiresAt)
				.claim("scope", List.of("events:read"))
				.build())).getTokenValue();
		}

	}

}
