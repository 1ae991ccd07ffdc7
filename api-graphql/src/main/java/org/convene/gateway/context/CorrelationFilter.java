package org.convene.gateway.context;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@code X-Correlation-ID} (or creates one), returns it on the
 * response, writes it on every log line, and makes the request's context available for
 * forwarding to the services, with its {@code Idempotency-Key}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationFilter extends OncePerRequestFilter {

	public static final String CORRELATION_HEADER = "X-Correlation-ID";

	/** Request attribute holding the correlation id, for error pages rendered later. */
	public static final String CORRELATION_ATTRIBUTE = CorrelationFilter.class.getName() + ".correlationId";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = request.getHeader(CORRELATION_HEADER);
		if (correlationId == null || !SAFE_ID.matcher(correlationId).matches()) {
			correlationId = UUID.randomUUID().toString();
		}
		request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
		response.setHeader(CORRELATION_HEADER, correlationId);
		ForwardedContext.set(new ForwardedContext(correlationId, request.getHeader("Authorization"),
				request.getHeader("X-API-Key"), request.getRemoteAddr(),
				IdempotencyKey.fromHeader(request.getHeader(IdempotencyKey.HEADER)), () -> markReplayed(response)));
		MDC.put("correlationId", correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("correlationId");
			ForwardedContext.clear();
		}
	}

	/** Tells the client that the answer is the stored answer of its earlier request with this key. */
	private static void markReplayed(HttpServletResponse response) {
		if (!response.isCommitted()) {
			response.setHeader(IdempotencyKey.REPLAYED_HEADER, "true");
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The correlation id of a request, also while its error page is rendered. */
	public static String correlationId(HttpServletRequest request) {
		Object value = request.getAttribute(CORRELATION_ATTRIBUTE);
		return value == null ? UUID.randomUUID().toString() : value.toString();
	}

}
