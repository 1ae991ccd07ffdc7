package org.convene.core.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the authorization server's signing side in core's own tests: it signs
 * tokens the way the gateway does and publishes its key set over HTTP, so core verifies them
 * exactly as in production. (The gateway's tests use the real authorization server.)
 */
public final class TestTokens {

	public static final String ISSUER = "http://issuer.convene.test";

	public static final String AUDIENCE = "convene-api";

	private static TestTokens instance;

	private final RSAKey key;

	private final RSAKey unknownKey;

	private final String jwkSetUri;

	private TestTokens(RSAKey key, RSAKey unknownKey, String jwkSetUri) {
		this.key = key;
		this.unknownKey = unknownKey;
		this.jwkSetUri = jwkSetUri;
	}

	public static synchronized TestTokens get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	public String jwkSetUri() {
		return this.jwkSetUri;
	}

	/** A token a client holds for a signed-in user. */
	public String user(UUID user, Set<String> roles, String... scopes) {
		return sign(this.key, claims(user.toString(), "web-app", user, roles, List.of(scopes), AUDIENCE, 300));
	}

	/** A client-credentials token; {@code owner} is the user the client acts for, or null. */
	public String client(String clientId, UUID owner, Set<String> ownerRoles, String... scopes) {
		return sign(this.key, claims(clientId, clientId, owner, ownerRoles, List.of(scopes), AUDIENCE, 300));
	}

	public String expired(UUID user, Set<String> roles, String... scopes) {
		return sign(this.key, claims(user.toString(), "web-app", user, roles, List.of(scopes), AUDIENCE, -120));
	}

	public String signedByUnknownKey(UUID user, Set<String> roles, String... scopes) {
		return sign(this.unknownKey, claims(user.toString(), "web-app", user, roles, List.of(scopes), AUDIENCE, 300));
	}

	public String forAudience(String audience, UUID user, Set<String> roles, String... scopes) {
		return sign(this.key, claims(user.toString(), "web-app", user, roles, List.of(scopes), audience, 300));
	}

	private static JWTClaimsSet claims(String subject, String clientId, UUID user, Set<String> roles, List<String> scopes,
			String audience, int lifetimeSeconds) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.audience(audience)
			.issueTime(Date.from(now.minusSeconds(lifetimeSeconds < 0 ? 600 : 0)))
			.expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
			.claim("client_id", clientId)
			.claim("scope", scopes)
			.claim("roles", List.copyOf(roles));
		if (user != null) {
			claims.claim("convene_user", user.toString());
		}
		return claims.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TestTokens start() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
			RSAKey unknown = new RSAKeyGenerator(2048).keyID("test-key").generate();
			byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/jwks", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwks);
				}
			});
			server.start();
			return new TestTokens(key, unknown, "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
