package org.convene.gateway.authz;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.awaitility.Awaitility;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;

/**
 * The credentials of every kind of caller, obtained the way real callers obtain them: users
 * sign in through the login page (authorization code with PKCE), partners use client
 * credentials, the owner creates an API key.
 */
final class Callers {

	static final String PASSWORD = "matrix password 0123456789";

	static final String CLIENT = "matrix-web";

	static final String REDIRECT = "http://localhost:3000/callback";

	static final List<String> USER_SCOPES = List.of("events:read", "events:write", "registrations:read",
			"registrations:write", "sessions:read", "sessions:write", "users:read", "users:write", "payments:read",
			"payments:write", "checkin:write", "webhooks:manage", "reports:read");

	private final Map<Who, Credential> credentials = new EnumMap<>(Who.class);

	private final Map<Who, String> userIds = new EnumMap<>(Who.class);

	private final Map<Who, String> passwords = new EnumMap<>(Who.class);

	/** How to get a fresh token, for the callers whose tokens expire (after 5 minutes; the matrix can take longer). */
	private final Map<Who, Callable<String>> tokenSources = new EnumMap<>(Who.class);

	private final Map<Who, Instant> renewals = new EnumMap<>(Who.class);

	/**
	 * @param admin the administration client, to register clients and grant roles
	 * @param adminEmail the first administrator's e-mail address
	 * @param adminPassword and password
	 */
	Callers(String baseUrl, WebTestClient admin, WebTestClient anonymous, String adminEmail, String adminPassword,
			JwtEncoder encoder) throws Exception {
		List<String> allScopes = new java.util.ArrayList<>(USER_SCOPES);
		allScopes.add("admin");
		admin.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("clientId", CLIENT, "name", "Matrix web", "type", "PUBLIC", "grantTypes",
					List.of("authorization_code", "refresh_token"), "redirectUris", List.of(REDIRECT), "scopes", allScopes,
					"firstParty", true))
			.exchange().expectStatus().isCreated();
		this.credentials.put(Who.ANONYMOUS, Credential.NONE);
		String scope = String.join(" ", allScopes);
		for (Who who : List.of(Who.ATTENDEE, Who.SPEAKER, Who.OWNER, Who.OTHER_ORGANIZER)) {
			String email = who.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.test";
			Map<?, ?> user = anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", who.name()))
				.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
			String id = (String) user.get("id");
			String role = switch (who) {
				case SPEAKER -> "SPEAKER";
				case OWNER, OTHER_ORGANIZER -> "ORGANIZER";
				default -> "ATTENDEE";
			};
			admin.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", List.of(role))).exchange().expectStatus().isOk();
			this.userIds.put(who, id);
			this.passwords.put(who, PASSWORD);
			renewable(who, () -> signIn(baseUrl, email, PASSWORD, scope));
		}
		renewable(Who.ADMIN, () -> signInAsAdministrator(baseUrl, adminEmail, adminPassword, scope));
		this.passwords.put(Who.ADMIN, adminPassword);
		renewable(Who.PARTNER, partner(admin, anonymous, USER_SCOPES));
		renewable(Who.PARTNER_WITHOUT_SCOPE, partner(admin, anonymous, List.of("reports:read")));
		Map<?, ?> key = anonymous.post().uri("/api/v1/api-keys").header("Authorization", get(Who.OWNER).authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Matrix key", "scopes", USER_SCOPES))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		this.credentials.put(Who.API_KEY, Credential.apiKey((String) key.get("secret")));
		this.userIds.put(Who.API_KEY, this.userIds.get(Who.OWNER));
		this.passwords.put(Who.API_KEY, PASSWORD);
		this.credentials.put(Who.EXPIRED_TOKEN, Credential.bearer(encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
			.issuer(baseUrl).subject(this.userIds.get(Who.OWNER)).audience(List.of("convene-api"))
			.issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(300))
			.claim("convene_user", this.userIds.get(Who.OWNER)).claim("roles", List.of("ORGANIZER"))
			.claim("scope", USER_SCOPES).claim("client_id", CLIENT).build())).getTokenValue()));
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(),
				new JWTClaimsSet.Builder().issuer(baseUrl).subject(this.userIds.get(Who.OWNER)).audience("convene-api")
					.expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("convene_user", this.userIds.get(Who.OWNER))
					.claim("roles", List.of("ADMIN")).claim("scope", List.of("admin")).build());
		forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("forged").generate()));
		this.credentials.put(Who.UNKNOWN_KEY_TOKEN, Credential.bearer(forged.serialize()));
	}

	synchronized Credential get(Who who) {
		if (this.tokenSources.containsKey(who) && Instant.now().isAfter(this.renewals.get(who))) {
			try {
				renewable(who, this.tokenSources.get(who));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not renew the token of " + who, ex);
			}
		}
		return this.credentials.get(who);
	}

	private void renewable(Who who, Callable<String> tokenSource) throws Exception {
		this.credentials.put(who, Credential.bearer(tokenSource.call()));
		this.tokenSources.put(who, tokenSource);
		this.renewals.put(who, Instant.now().plus(Duration.ofMinutes(4)));
	}

	/** The user a caller acts for, or null. */
	String userId(Who who) {
		return this.userIds.get(who);
	}

	String password(Who who) {
		return this.passwords.getOrDefault(who, PASSWORD);
	}

	private static String signIn(String baseUrl, String email, String password, String scope) throws Exception {
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(baseUrl);
		String code = browser.authorize(CLIENT, REDIRECT, scope, email, password, null).code();
		if (code == null) {
			throw new AssertionError("Sign-in of " + email + " failed: " + browser.lastPage());
		}
		return AuthorizationCodeFlow.field(browser.exchange(CLIENT, REDIRECT, code).body(), "access_token");
	}

	/**
	 * Signs in as the first administrator, once the gateway's first start has granted them
	 * their roles (it does so shortly after the platform answers), so the ADMIN column tries a
	 * real administrator.
	 */
	private static String signInAsAdministrator(String baseUrl, String email, String password, String scope) {
		return Awaitility.await("the first administrator's roles")
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> signIn(baseUrl, email, password, scope),
					Callers::actsForAnAdministrator);
	}

	private static boolean actsForAnAdministrator(String token) {
		try {
			List<String> roles = SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles");
			return roles != null && roles.contains("ADMIN");
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError("The sign-in answered no JWT: " + token, ex);
		}
	}

	/** Registers a partner client; answers how it gets a token. */
	private static Callable<String> partner(WebTestClient admin, WebTestClient anonymous, List<String> scopes) {
		String clientId = "matrix-partner-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = admin.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("clientId", clientId, "name", "Partner", "type", "CONFIDENTIAL", "grantTypes",
					List.of("client_credentials"), "scopes", scopes))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return () -> (String) anonymous.post().uri("/oauth2/token")
			.headers(h -> h.setBasicAuth(clientId, (String) created.get("clientSecret")))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("access_token");
	}

	/**
	 * What a caller sends.
	 *
	 * @param authorization the Authorization header, or null
	 * @param apiKey the X-API-Key header, or null
	 */
	record Credential(String authorization, String apiKey) {

		static final Credential NONE = new Credential(null, null);

		static Credential bearer(String token) {
			return new Credential("Bearer " + token, null);
		}

		static Credential apiKey(String key) {
			return new Credential(null, key);
		}

	}

}
