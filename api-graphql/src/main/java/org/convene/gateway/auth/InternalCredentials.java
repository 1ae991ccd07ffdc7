package org.convene.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import org.convene.grpc.CallMetadata;

/**
 * The gateway's own credentials toward core: a short-lived token it signs itself, for the
 * few calls it makes as the authorization server (checking passwords, linking federated
 * identities, reading the profile behind a token, first-start set-up). No other client can
 * obtain the {@code internal} scope.
 */
public class InternalCredentials extends CallCredentials {

	static final String CLIENT_ID = "convene-gateway";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final JwtEncoder encoder;

	private final String issuer;

	private volatile Token token;

	InternalCredentials(JwtEncoder encoder, String issuer) {
		this.encoder = encoder;
		this.issuer = issuer;
	}

	@Override
	public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier applier) {
		try {
			Metadata headers = new Metadata();
			headers.put(CallMetadata.AUTHORIZATION, "Bearer " + current());
			applier.apply(headers);
		}
		catch (RuntimeException ex) {
			applier.fail(Status.UNAUTHENTICATED.withDescription("Cannot sign the gateway's internal token").withCause(ex));
		}
	}

	private String current() {
		Token current = this.token;
		if (current == null || current.expiresAt().minus(Duration.ofMinutes(1)).isBefore(Instant.now())) {
			current = mint();
			this.token = current;
		}
		return current.value();
	}

	private Token mint() {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(CLIENT_ID)
			.audience(List.of(AuthServerProperties.AUDIENCE))
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.claim("client_id", CLIENT_ID)
			.claim("scope", List.of("internal", "admin", "users:read", "users:write"))
			.build();
		return new Token(this.encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue(), now.plus(LIFETIME));
	}

	private record Token(String value, Instant expiresAt) {
	}

}
