package org.convene.gateway.audit;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** Records every token the token endpoint issues or refuses, then answers as the standard handlers do. */
public class TokenEndpointAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AuthenticationSuccessHandler issued = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

	private final AuthenticationFailureHandler refused = new OAuth2ErrorAuthenticationFailureHandler();

	private final AuditReporter reporter;

	public TokenEndpointAudit(AuditReporter reporter) {
		this.reporter = reporter;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		if (authentication instanceof OAuth2AccessTokenAuthenticationToken token) {
			String clientId = token.getRegisteredClient().getClientId();
			this.reporter.record("client:" + clientId, clientId,
					"POST /oauth2/token " + request.getParameter("grant_type"), "OK");
		}
		this.issued.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException, ServletException {
		String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "error";
		String clientId = request.getParameter("client_id");
		this.reporter.record(clientId == null ? "anonymous" : "client:" + clientId, clientId,
				"POST /oauth2/token " + request.getParameter("grant_type"), code);
		this.refused.onAuthenticationFailure(request, response, failure);
	}

}
