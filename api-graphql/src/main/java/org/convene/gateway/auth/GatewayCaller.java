package org.convene.gateway.auth;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * The caller of one of the few operations the gateway serves itself (client administration,
 * key rotation), read from the verified bearer token. The same rule as core's: administrative
 * powers need the {@code admin} scope and, for a token acting for a user, that user's ADMIN role.
 *
 * @param clientId the OAuth client the token was issued to
 * @param userId the user it acts for, or null
 * @param scopes its scopes
 * @param roles the user's roles
 */
public record GatewayCaller(String clientId, String userId, List<String> scopes, List<String> roles) {

	public static GatewayCaller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw ApiException.of(ErrorCode.UNAUTHENTICATED, "Authentication is required",
					"Send an administrator's bearer token", "Authorization");
		}
		Jwt jwt = token.getToken();
		return new GatewayCaller(jwt.getClaimAsString("client_id"), jwt.getClaimAsString(AuthServerProperties.USER_CLAIM),
				strings(jwt.getClaim("scope")), strings(jwt.getClaim("roles")));
	}

	public boolean isAdmin() {
		return this.scopes.contains("admin") && (this.userId == null || this.roles.contains("ADMIN"));
	}

	public GatewayCaller requireAdmin() {
		if (!isAdmin()) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED, "This operation is not allowed",
					"It needs the scope 'admin' and, for a user's token, the ADMIN role", null);
		}
		return this;
	}

	/** How the caller appears in audit records. */
	public String describe() {
		return this.userId != null ? "user:" + this.userId : "client:" + this.clientId;
	}

	private static List<String> strings(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(Object::toString).toList();
		}
		if (claim instanceof String text) {
			return List.of(text.trim().split("\\s+"));
		}
		return List.of();
	}

}
