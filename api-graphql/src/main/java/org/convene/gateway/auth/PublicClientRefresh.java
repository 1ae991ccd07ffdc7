package org.convene.gateway.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for public clients (single-page and mobile apps using PKCE). Spring
 * Authorization Server issues none to clients without a secret; Convene issues them and
 * rotates them on every use (a refresh token works once), as the OAuth 2.0 Security BCP
 * (RFC 9700, section 4.14) requires for public clients.
 */
final class PublicClientRefresh {

	private PublicClientRefresh() {
	}

	/** Refresh tokens for every client allowed the refresh_token grant. */
	static final class Generator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

		private final StringKeyGenerator keys = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

		@Override
		public OAuth2RefreshToken generate(OAuth2TokenContext context) {
			if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
					|| !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
				return null;
			}
			Instant issuedAt = Instant.now();
			return new OAuth2RefreshToken(this.keys.generateKey(), issuedAt,
					issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
		}

	}

	/** Reads a refresh request of a public client: {@code client_id} and no secret. */
	static final class Converter implements AuthenticationConverter {

		@Override
		public Authentication convert(HttpServletRequest request) {
			if (!"POST".equals(request.getMethod())
					|| !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
					|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
				return null;
			}
			String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
			if (clientId == null || clientId.isBlank()) {
				return null;
			}
			Map<String, Object> parameters = new HashMap<>();
			request.getParameterMap().forEach((key, values) -> {
				if (!OAuth2ParameterNames.CLIENT_ID.equals(key)) {
					parameters.put(key, values.length == 1 ? values[0] : values);
				}
			});
			return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, parameters);
		}

	}

	/** Authenticates such a request: the client exists, is public, and may refresh. */
	static final class Provider implements AuthenticationProvider {

		private final RegisteredClientRepository clients;

		Provider(RegisteredClientRepository clients) {
			this.clients = clients;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
					|| !AuthorizationGrantType.REFRESH_TOKEN.getValue()
						.equals(request.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
				return null;
			}
			RegisteredClient client = this.clients.findByClientId(request.getPrincipal().toString());
			if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
					|| !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
