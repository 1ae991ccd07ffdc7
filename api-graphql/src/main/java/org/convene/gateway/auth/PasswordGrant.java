package org.convene.gateway.auth;

import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

import org.convene.core.v1.proto.User;

/**
 * The Resource Owner Password grant, kept only because spec 7.2 lists it for trusted
 * first-party clients. The OAuth 2.0 Security BCP (RFC 9700, section 2.4) says it MUST NOT be
 * used: the client sees the user's password and no second factor can be added. It works only
 * for a client an administrator marked first-party and for which the grant was explicitly
 * enabled (off by default); every other client gets {@code unauthorized_client}.
 */
final class PasswordGrant {

	static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

	private PasswordGrant() {
	}

	/** A password grant request. */
	static final class Token extends OAuth2AuthorizationGrantAuthenticationToken {

		private final String username;

		private final String password;

		private final Set<String> scopes;

		Token(Authentication client, String username, String password, Set<String> scopes, Map<String, Object> parameters) {
			super(PASSWORD, client, parameters);
			this.username = username;
			this.password = password;
			this.scopes = Set.copyOf(scopes);
		}

	}

	/** Reads {@code grant_type=password} requests. */
	static final class Converter implements AuthenticationConverter {

		@Override
		public Authentication convert(HttpServletRequest request) {
			if (!PASSWORD.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
				return null;
			}
			String username = request.getParameter("username");
			String password = request.getParameter("password");
			if (username == null || password == null) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
			}
			Set<String> scopes = new LinkedHashSet<>();
			String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
			if (scope != null && !scope.isBlank()) {
				scopes.addAll(Set.of(scope.trim().split("\\s+")));
			}
			Map<String, Object> parameters = new HashMap<>();
			return new Token(SecurityContextHolder.getContext().getAuthentication(), username, password, scopes, parameters);
		}

	}

	/** Issues tokens for a user whose password checks out, to a client allowed the grant. */
	static final class Provider implements AuthenticationProvider {

		private final OAuth2AuthorizationService authorizations;

		private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

		private final ConveneUsers users;

		private final ClientPolicies policies;

		Provider(OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<? extends OAuth2Token> tokens,
				ConveneUsers users, ClientPolicies policies) {
			this.authorizations = authorizations;
			this.tokens = tokens;
			this.users = users;
			this.policies = policies;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			Token request = (Token) authentication;
			if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			RegisteredClient registered = client.getRegisteredClient();
			ClientPolicy policy = this.policies.find(registered.getClientId());
			if (!registered.getAuthorizationGrantTypes().contains(PASSWORD) || !policy.firstParty() || !policy.passwordGrant()) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
			}
			Set<String> scopes = request.scopes.isEmpty() ? registered.getScopes() : request.scopes;
			if (!registered.getScopes().containsAll(scopes)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
			}
			User user = this.users.verify(request.username, request.password);
			if (user == null) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "Wrong username or password", null));
			}
			Authentication principal = ConveneUsers.principal(user);
			OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registered)
				.principalName(principal.getName())
				.authorizationGrantType(PASSWORD)
				.authorizedScopes(scopes)
				.attribute(Principal.class.getName(), principal);
			DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
				.registeredClient(registered)
				.principal(principal)
				.authorizationServerContext(AuthorizationServerContextHolder.getContext())
				.authorizedScopes(scopes)
				.authorizationGrantType(PASSWORD)
				.authorizationGrant(request);
			OAuth2Token generated = this.tokens.generate(context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build());
			if (generated == null) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
			}
			OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
					generated.getIssuedAt(), generated.getExpiresAt(), scopes);
			if (generated instanceof ClaimAccessor claims) {
				authorization.token(access, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
			}
			else {
				authorization.accessToken(access);
			}
			OAuth2RefreshToken refresh = null;
			if (registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
				OAuth2Token token = this.tokens.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
				if (token instanceof OAuth2RefreshToken refreshToken) {
					refresh = refreshToken;
					authorization.refreshToken(refresh);
				}
			}
			this.authorizations.save(authorization.build());
			return new OAuth2AccessTokenAuthenticationToken(registered, client, access, refresh);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return Token.class.isAssignableFrom(authentication);
		}

	}

}
