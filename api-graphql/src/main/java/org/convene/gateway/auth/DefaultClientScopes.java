package org.convene.gateway.auth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} is granted every scope the client is
 * registered with (RFC 6749, section 3.3, lets the server pick a default), instead of a
 * token that grants nothing.
 */
class DefaultClientScopes implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| request.getParameter(OAuth2ParameterNames.SCOPE) != null) {
			return null;
		}
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client)
				|| client.getRegisteredClient() == null) {
			return null;
		}
		return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(), Map.of());
	}

}
