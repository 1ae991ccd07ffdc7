package org.convene.gateway.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;

/** Sign-ins on the login page and client authentication at the token endpoint, successful or not. */
@Component
class AuthenticationAudit {

	private final AuditReporter reporter;

	AuthenticationAudit(AuditReporter reporter) {
		this.reporter = reporter;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken user) {
			this.reporter.record("user:" + user.getName(), null, "POST /login", "OK");
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
			// The address tried is recorded, never the password.
			this.reporter.record("anonymous", null, "POST /login " + attempt.getName(), "UNAUTHENTICATED");
		}
		else if (event.getAuthentication() instanceof OAuth2ClientAuthenticationToken client) {
			this.reporter.record("client:" + client.getPrincipal(), String.valueOf(client.getPrincipal()),
					"POST /oauth2/token", "UNAUTHENTICATED");
		}
	}

}
