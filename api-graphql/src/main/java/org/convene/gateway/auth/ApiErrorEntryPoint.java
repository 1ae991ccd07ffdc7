package org.convene.gateway.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * Answers requests the gateway's security refuses (a bearer token that does not verify, a
 * missing administrator's scope) with the error envelope, like every other failure.
 */
@Component
class ApiErrorEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final HandlerExceptionResolver errors;

	ApiErrorEntryPoint(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		this.errors = errors;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		this.errors.resolveException(request, response, null, ApiException.of(ErrorCode.UNAUTHENTICATED,
				"Authentication is required", describe(failure), "Authorization"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		this.errors.resolveException(request, response, null,
				ApiException.of(ErrorCode.PERMISSION_DENIED, "This operation is not allowed", denied.getMessage(), null));
	}

	private static String describe(AuthenticationException failure) {
		String message = failure.getMessage() == null ? "" : failure.getMessage();
		if (message.contains("expired")) {
			return "The token has expired; get a new one";
		}
		return message.isBlank() ? "Send a valid bearer token or API key" : "The bearer token is not valid: " + message;
	}

}
