package org.convene.core.user;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the status and Convene error a refused call carries. */
public final class Refusals {

	private Refusals() {
	}

	public static ApiError assertRefused(StatusRuntimeException failure, Status.Code status, ErrorCode code) {
		assertThat(failure.getStatus().getCode()).as("gRPC status").isEqualTo(status);
		ApiError error = ApiError.fromThrowable(failure);
		assertThat(error.code()).as("error code").isEqualTo(code);
		return error;
	}

	public static ApiError assertRefused(StatusRuntimeException failure, Status.Code status, ErrorCode code, String target) {
		ApiError error = assertRefused(failure, status, code);
		assertThat(error.target()).as("error target").isEqualTo(target);
		return error;
	}

	public static ApiError assertInvalid(StatusRuntimeException failure, String target) {
		return assertRefused(failure, Status.Code.INVALID_ARGUMENT, ErrorCode.VALIDATION_FAILED, target);
	}

}
