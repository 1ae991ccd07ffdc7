package org.convene.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.convene.grpc.ApiException;

/**
 * Per-client IP allowlists (spec 7.3): a client whose policy lists addresses may request
 * tokens, and use them, only from those addresses. Checked on the token endpoint (the client
 * named by Basic authentication or {@code client_id}) and on every request bearing a token
 * (the client the token was issued to). Tokens of a disabled client stop working here at
 * once (within the few seconds policies are cached), not only when they expire.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ClientPolicyFilter extends OncePerRequestFilter {

	private final ClientPolicies policies;

	private final JwtDecoder tokens;

	private final HandlerExceptionResolver errors;

	ClientPolicyFilter(ClientPolicies policies, JwtDecoder tokens,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		this.policies = policies;
		this.tokens = tokens;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String clientId = clientOf(request);
		if (clientId != null) {
			ClientPolicy policy = this.policies.find(clientId);
			// A disabled client's token requests are refused by the authorization server itself.
			ApiException refusal = request.getRequestURI().endsWith("/oauth2/token")
					? policy.refusalOfAddress(request.getRemoteAddr()) : policy.refusalOfToken(request.getRemoteAddr());
			if (refusal != null) {
				this.errors.resolveException(request, response, null, refusal);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private String clientOf(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (request.getRequestURI().endsWith("/oauth2/token")) {
			if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
					int colon = decoded.indexOf(':');
					return colon < 0 ? null : java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
			return request.getParameter("client_id");
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			try {
				Jwt jwt = this.tokens.decode(authorization.substring(7).trim());
				return jwt.getClaimAsString("client_id");
			}
			catch (JwtException ex) {
				return null;
			}
		}
		return null;
	}

}
