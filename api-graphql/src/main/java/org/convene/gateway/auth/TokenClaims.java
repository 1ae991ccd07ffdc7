package org.convene.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import org.convene.core.v1.proto.User;

/**
 * What Convene's access tokens say: issued for the {@code convene-api} audience, the client,
 * and — when they act for a user — that user and their current roles, read from core at
 * issuance so a refresh picks up role changes and a disabled user gets no new tokens.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final ConveneUsers users;

	private final ClientPolicies policies;

	TokenClaims(ConveneUsers users, ClientPolicies policies) {
		this.users = users;
		this.policies = policies;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		String clientId = context.getRegisteredClient().getClientId();
		UUID userId = actingUser(context.getPrincipal(), clientId);
		// The claims are stored with the authorization as typed JSON, which accepts only the
		// common collection types: mutable lists, never List.of().
		if (accessToken) {
			context.getClaims().audience(new ArrayList<>(List.of(AuthServerProperties.AUDIENCE))).claim("client_id", clientId);
		}
		if (userId == null) {
			return;
		}
		User user = this.users.active(userId);
		if (user == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The user is unknown or disabled", null));
		}
		context.getClaims()
			.claim(AuthServerProperties.USER_CLAIM, user.getId())
			.claim("roles", user.getRolesList().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new)));
	}

	/** A signed-in user, or the owner a client-credentials client acts for. */
	private UUID actingUser(Authentication principal, String clientId) {
		if (principal instanceof OAuth2ClientAuthenticationToken) {
			return this.policies.find(clientId).ownerUserId();
		}
		return ConveneUsers.userId(principal.getName());
	}

}
