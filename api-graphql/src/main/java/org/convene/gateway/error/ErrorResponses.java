package org.convene.gateway.error;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.convene.gateway.context.CorrelationFilter;
import org.convene.grpc.ApiError;

/** Renders an {@link ApiError} as the REST envelope with its HTTP status. */
@Component
public class ErrorResponses {

	public ResponseEntity<ErrorEnvelope> render(ApiError error, HttpServletRequest request) {
		return render(error, request, new HttpHeaders());
	}

	public ResponseEntity<ErrorEnvelope> render(ApiError error, HttpServletRequest request, HttpHeaders headers) {
		return ResponseEntity.status(error.httpStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorEnvelope.of(error, CorrelationFilter.correlationId(request), documentationBase(request)));
	}

	/** The envelope's body alone, for an error inside a larger answer (one item of a batch). */
	public ErrorEnvelope.Body body(ApiError error, HttpServletRequest request) {
		return ErrorEnvelope.of(error, CorrelationFilter.correlationId(request), documentationBase(request)).error();
	}

	/** Where error codes are documented: this server's {@code /errors/} pages. */
	static String documentationBase(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/errors/").toUriString();
	}

}
