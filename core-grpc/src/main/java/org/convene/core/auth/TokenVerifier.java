package org.convene.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.grpc.VerifiedTokens;

/**
 * Verifies bearer tokens: signature against the authorization server's published keys,
 * issuer, audience, expiry. The keys are fetched on first use and refetched when a token
 * names an unknown key, so rotated keys are picked up without a restart.
 */
@Component
@EnableConfigurationProperties(AuthProperties.class)
class TokenVerifier {

	/** Claim naming the user a token acts for. */
	static final String USER_CLAIM = "convene_user";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TokenVerifier.class);

	private final JwtDecoder decoder;

	/** A token that verified is not verified again until it expires. */
	private final VerifiedTokens<Jwt> verified = new VerifiedTokens<>(10_000, Clock.systemUTC(), Jwt::getExpiresAt);

	TokenVerifier(AuthProperties properties) {
		SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
		http.setConnectTimeout(Duration.ofSeconds(2));
		http.setReadTimeout(Duration.ofSeconds(5));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
			.restOperations(new RestTemplate(http))
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				aud -> aud != null && aud.stream().anyMatch(properties.audience()::contains));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
		this.decoder = decoder;
	}

	Caller verify(String token) {
		Jwt jwt;
		try {
			jwt = this.verified.get(token, this.decoder::decode);
		}
		catch (JwtException ex) {
			log.debug("Bearer token refused: {}", ex.getMessage());
			if (ex.getMessage() != null && ex.getMessage().contains("I/O error")) {
				throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE, "Tokens cannot be verified right now",
						"The authorization server's keys could not be fetched", "Authorization");
			}
			throw ApiException.of(ErrorCode.UNAUTHENTICATED, "The bearer token is not valid", reason(ex), "Authorization");
		}
		String subject = jwt.getSubject();
		String user = jwt.getClaimAsString(USER_CLAIM);
		UUID userId = user == null ? null : UUID.fromString(user);
		Caller.Kind kind = userId != null && userId.toString().equals(subject) ? Caller.Kind.USER : Caller.Kind.CLIENT;
		String clientId = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getClaimAsString("azp");
		return new Caller(kind, subject, userId, clientId, strings(jwt.getClaim("roles")), scopes(jwt.getClaim("scope")));
	}

	private static Set<String> scopes(Object claim) {
		if (claim instanceof String text) {
			return Set.of(text.trim().split("\\s+"));
		}
		return strings(claim);
	}

	private static Set<String> strings(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(Object::toString).collect(Collectors.toSet());
		}
		return Set.of();
	}

	private static String reason(JwtException ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (message.contains("expired") || message.contains("Jwt expired")) {
			return "The token has expired; get a new one";
		}
		if (message.contains("aud")) {
			return "The token was not issued for this API";
		}
		if (message.contains("iss")) {
			return "The token was issued by another authorization server";
		}
		if (message.contains("signature") || message.contains("key") || message.contains("JWK")) {
			return "The token's signature does not verify with the authorization server's keys";
		}
		return "The token could not be read";
	}

}
