package org.convene.grpc;

import java.util.List;

import org.convene.common.v1.proto.ErrorCode;

/** An expected failure, thrown anywhere and rendered by each door from its {@link ApiError}. */
public class ApiException extends RuntimeException {

	private final ApiError error;

	public ApiException(ApiError error) {
		super(error.message() + (error.details() == null ? "" : ": " + error.details()));
		this.error = error;
	}

	public ApiError error() {
		return this.error;
	}

	public static ApiException of(ErrorCode code, String message) {
		return new ApiException(ApiError.of(code, message));
	}

	public static ApiException of(ErrorCode code, String message, String details, String target) {
		return new ApiException(ApiError.of(code, message, details, target));
	}

	public static ApiException invalid(String field, String description) {
		return new ApiException(ApiError.validation(List.of(new FieldViolation(field, description))));
	}

	public static ApiException notFound(String resource, String id, String target) {
		return new ApiException(ApiError.notFound(resource, id, target));
	}

}
