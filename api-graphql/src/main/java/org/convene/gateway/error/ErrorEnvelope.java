package org.convene.gateway.error;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.convene.grpc.ApiError;

/**
 * The REST error body of spec section 3.7: {@code {"error": {...}}}. For validation
 * failures, {@code target} names the first invalid field and {@code fieldErrors} lists
 * every one.
 *
 * @param error the error
 */
public record ErrorEnvelope(Body error) {

	public static ErrorEnvelope of(ApiError error, String correlationId, String documentationBase) {
		List<FieldError> fieldErrors = error.violations()
			.stream()
			.map(v -> new FieldError(v.field(), v.description()))
			.toList();
		return new ErrorEnvelope(new Body(error.code().name(), error.message(), error.details(), error.target(),
				error.httpStatus(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), correlationId,
				documentationBase + error.code().name(), fieldErrors));
	}

	/**
	 * @param code stable error code
	 * @param message short summary
	 * @param details about this occurrence, or null
	 * @param target the field or parameter at fault, or null
	 * @param status the HTTP status
	 * @param timestamp when it happened
	 * @param correlationId the request's correlation id
	 * @param documentation where the code is explained
	 * @param fieldErrors every invalid field (validation failures only)
	 */
	public record Body(String code, String message, String details, String target, int status, Instant timestamp,
			String correlationId, String documentation,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> fieldErrors) {
	}

	/**
	 * @param field the invalid field
	 * @param message what is wrong
	 */
	public record FieldError(String field, String message) {
	}

}
