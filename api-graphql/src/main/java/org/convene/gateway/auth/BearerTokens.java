package org.convene.gateway.auth;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * Checks a bearer token where no HTTP filter chain does (the gateway's gRPC door, GraphQL over
 * WebSocket) as HTTP requests are checked: our keys, issuer and audience, the client not
 * disabled, the address in its allowlist.
 */
@Component
class BearerTokens {

	private final JwtDecoder tokens;

	private final ClientPolicies policies;

	private final Converter<Jwt, ? extends Authentication> authentications = new JwtAuthenticationConverter();

	BearerTokens(JwtDecoder tokens, ClientPolicies policies) {
		this.tokens = tokens;
		this.policies = policies;
	}

	/** The caller of an {@code Authorization: Bearer} value; UNAUTHENTICATED (or the client's refusal) otherwise. */
	Authentication authenticate(String authorization, String address) {
		if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw unauthenticated("Send 'Authorization: Bearer <access token>'");
		}
		Jwt jwt;
		try {
			jwt = this.tokens.decode(authorization.substring(7).strip());
		}
		catch (JwtException ex) {
			throw unauthenticated("The token is malformed, expired, not ours, or not for this audience");
		}
		String clientId = jwt.getClaimAsString("client_id");
		ApiException refusal = clientId == null ? null : this.policies.find(clientId).refusalOfToken(address);
		if (refusal != null) {
			throw refusal;
		}
		return this.authentications.convert(jwt);
	}

	static ApiException unauthenticated(String details) {
		return ApiException.of(ErrorCode.UNAUTHENTICATED, "The credentials are not valid", details, "authorization");
	}

}
