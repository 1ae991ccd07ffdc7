package org.convene.gateway.context;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.gateway.error.ErrorResponses;
import org.convene.grpc.ApiError;

/**
 * Minor versions of the REST API (spec 3.2): reads {@code X-API-Version} on {@code /api/**},
 * refuses versions this server does not serve, and echoes the version that answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiVersionFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Version";

	private final List<String> versions;

	private final ErrorResponses errors;

	private final tools.jackson.databind.json.JsonMapper json;

	ApiVersionFilter(@Value("${convene.api.versions}") List<String> versions, ErrorResponses errors,
			tools.jackson.databind.json.JsonMapper json) {
		this.versions = versions;
		this.errors = errors;
		this.json = json;
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
			var rejection = this.errors.render(ApiError.of(ErrorCode.UNSUPPORTED_API_VERSION,
					"API version " + requested + " is not served", "Supported versions: " + String.join(", ", this.versions),
					HEADER), request);
			response.setStatus(rejection.getStatusCode().value());
			response.setContentType("application/json");
			response.setHeader(HEADER, this.versions.get(0));
			this.json.writeValue(response.getOutputStream(), rejection.getBody());
			return;
		}
		response.setHeader(HEADER, requested == null ? this.versions.get(0) : requested.strip());
		chain.doFilter(request, response);
	}

}
