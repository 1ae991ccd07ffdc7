package org.convene.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.ErrorsProto;

/**
 * A failure in Convene's error vocabulary, and its one mapping to and from a gRPC status.
 * Services throw it as a status ({@link #toStatusException()}); the gateway reads it back
 * ({@link #fromThrowable(Throwable)}) and renders it for REST and GraphQL.
 *
 * @param code the stable error code
 * @param message a short, human-readable summary
 * @param details more about this occurrence, or {@code null}
 * @param target the field or parameter at fault, or {@code null}
 * @param violations every invalid field, for {@link ErrorCode#VALIDATION_FAILED}
 */
public record ApiError(ErrorCode code, String message, String details, String target,
		List<FieldViolation> violations) {

	/** The {@code ErrorInfo.domain} of Convene's errors. */
	public static final String DOMAIN = "convene";

	public ApiError {
		violations = List.copyOf(violations);
	}

	public static ApiError of(ErrorCode code, String message) {
		return new ApiError(code, message, null, null, List.of());
	}

	public static ApiError of(ErrorCode code, String message, String details, String target) {
		return new ApiError(code, message, details, target, List.of());
	}

	public static ApiError validation(List<FieldViolation> violations) {
		String details = String.join("; ", violations.stream().map(v -> v.field() + ": " + v.description()).toList());
		return new ApiError(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", details,
				violations.isEmpty() ? null : violations.get(0).field(), violations);
	}

	public static ApiError notFound(String resource, String id, String target) {
		return of(ErrorCode.RESOURCE_NOT_FOUND, "The requested " + resource + " could not be found",
				resource.substring(0, 1).toUpperCase() + resource.substring(1) + " with ID '" + id + "' does not exist",
				target);
	}

	/** HTTP status the REST facade answers with. */
	public int httpStatus() {
		return httpStatus(this.code);
	}

	public static int httpStatus(ErrorCode code) {
		return code.getValueDescriptor().getOptions().getExtension(ErrorsProto.httpStatus);
	}

	public static Status.Code grpcCode(ErrorCode code) {
		return Status.fromCodeValue(code.getValueDescriptor().getOptions().getExtension(ErrorsProto.grpcCode)).getCode();
	}

	/** The documentation sentence of a code. */
	public static String summary(ErrorCode code) {
		return code.getValueDescriptor().getOptions().getExtension(ErrorsProto.summary);
	}

	public StatusRuntimeException toStatusException() {
		com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
			.setCode(grpcCode(this.code).value())
			.setMessage(this.message);
		ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(this.code.name()).setDomain(DOMAIN);
		if (this.details != null) {
			info.putMetadata("details", this.details);
		}
		if (this.target != null) {
			info.putMetadata("target", this.target);
		}
		status.addDetails(Any.pack(info.build()));
		if (!this.violations.isEmpty()) {
			BadRequest.Builder badRequest = BadRequest.newBuilder();
			this.violations.forEach(v -> badRequest.addFieldViolations(
					BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
			status.addDetails(Any.pack(badRequest.build()));
		}
		return StatusProto.toStatusRuntimeException(status.build());
	}

	/**
	 * Reads a failure back from whatever a gRPC call threw. Statuses without Convene
	 * details (a connection refused, a deadline) map by their gRPC code.
	 */
	public static ApiError fromThrowable(Throwable failure) {
		Status status = Status.fromThrowable(failure);
		com.google.rpc.Status details = StatusProto.fromThrowable(failure);
		if (details != null) {
			ApiError error = fromDetails(details);
			if (error != null) {
				return error;
			}
		}
		return fromPlainStatus(status);
	}

	/** Reads a failure carried as a google.rpc.Status message, e.g. one item of a batch answer. */
	public static ApiError fromStatusProto(com.google.rpc.Status status) {
		ApiError error = fromDetails(status);
		return error != null ? error : fromPlainStatus(Status.fromCodeValue(status.getCode()).withDescription(status.getMessage()));
	}

	/** The google.rpc.Status message of this failure, as {@link #toStatusException()} sends it. */
	public com.google.rpc.Status toStatusProto() {
		return StatusProto.fromThrowable(toStatusException());
	}

	private static ApiError fromDetails(com.google.rpc.Status status) {
		ErrorInfo info = null;
		List<FieldViolation> violations = List.of();
		try {
			for (Any any : status.getDetailsList()) {
				if (any.is(ErrorInfo.class)) {
					info = any.unpack(ErrorInfo.class);
				}
				else if (any.is(BadRequest.class)) {
					violations = any.unpack(BadRequest.class)
						.getFieldViolationsList()
						.stream()
						.map(v -> new FieldViolation(v.getField(), v.getDescription()))
						.toList();
				}
			}
		}
		catch (InvalidProtocolBufferException ex) {
			return null;
		}
		if (info == null || !DOMAIN.equals(info.getDomain())) {
			return null;
		}
		ErrorCode code;
		try {
			code = ErrorCode.valueOf(info.getReason());
		}
		catch (IllegalArgumentException ex) {
			code = ErrorCode.INTERNAL_ERROR;
		}
		return new ApiError(code, status.getMessage(), info.getMetadataOrDefault("details", null),
				info.getMetadataOrDefault("target", null), violations);
	}

	private static ApiError fromPlainStatus(Status status) {
		return switch (status.getCode()) {
			case UNAVAILABLE -> of(ErrorCode.SERVICE_UNAVAILABLE, "A Convene service is temporarily unavailable");
			case DEADLINE_EXCEEDED -> of(ErrorCode.DEADLINE_EXCEEDED, "The operation did not complete in time");
			case UNAUTHENTICATED -> of(ErrorCode.UNAUTHENTICATED, "Authentication is required");
			case PERMISSION_DENIED -> of(ErrorCode.PERMISSION_DENIED, "This operation is not allowed");
			case NOT_FOUND -> of(ErrorCode.RESOURCE_NOT_FOUND, "The requested resource could not be found");
			case INVALID_ARGUMENT -> of(ErrorCode.INVALID_REQUEST,
					status.getDescription() == null ? "The request is invalid" : status.getDescription());
			case RESOURCE_EXHAUSTED -> of(ErrorCode.RATE_LIMITED, "Too many requests");
			default -> of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
		};
	}

}
