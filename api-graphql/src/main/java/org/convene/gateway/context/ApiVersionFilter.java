package org.convene.gateway.context;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * Minor versions of the REST API (spec 3.2): reads {@code X-API-Version} on {@code /api/**},
 * refuses versions this server does not serve, and echoes the version that answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiVersionFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Version";

	private final List<String> versions;

	private final HandlerExceptionResolver errors;

	/** Refusals go through the MVC exception resolvers, which render the error envelope. */
	ApiVersionFilter(@Value("${convene.api.versions}") List<String> versions,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		this.versions = versions;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requested = request.getHeader(HEADER);
		if (requested != null && !this.versions.contains(requested.strip())) {
			response.setHeader(HEADER, this.versions.get(0));
			this.errors.resolveException(request, response, null, ApiException.of(ErrorCode.UNSUPPORTED_API_VERSION,
					"API version " + requested + " is not served", "Supported versions: " + String.join(", ", this.versions),
					HEADER));
			return;
		}
		response.setHeader(HEADER, requested == null ? this.versions.get(0) : requested.strip());
		chain.doFilter(request, response);
	}

}
