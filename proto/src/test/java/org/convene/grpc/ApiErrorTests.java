package org.convene.grpc;

import java.util.List;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.convene.common.v1.proto.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorTests {

	@Test
	void validationErrorSurvivesTheTripThroughAGrpcStatus() {
		ApiError sent = ApiError.validation(List.of(new FieldViolation("title", "must not be blank"),
				new FieldViolation("endsAt", "must be after startsAt")));

		StatusRuntimeException status = sent.toStatusException();
		ApiError received = ApiError.fromThrowable(status);

		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(received).isEqualTo(sent);
		assertThat(received.target()).isEqualTo("title");
		assertThat(received.httpStatus()).isEqualTo(400);
	}

	@Test
	void staleVersionIsAbortedInGrpcAnd412InHttp() {
		ApiError error = ApiError.of(ErrorCode.PRECONDITION_FAILED, "stale", "expected 3, current 4", "version");

		assertThat(error.toStatusException().getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
		assertThat(error.httpStatus()).isEqualTo(412);
	}

	@Test
	void plainTransportFailuresMapByTheirGrpcCode() {
		ApiError error = ApiError.fromThrowable(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());

		assertThat(error.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(error.httpStatus()).isEqualTo(503);
	}

	@ParameterizedTest
	@EnumSource(value = ErrorCode.class, names = { "UNRECOGNIZED" }, mode = EnumSource.Mode.EXCLUDE)
	void everyCodeDeclaresAnHttpStatusAGrpcCodeAndASummary(ErrorCode code) {
		assertThat(ApiError.httpStatus(code)).isBetween(400, 599);
		assertThat(ApiError.grpcCode(code)).isNotEqualTo(Status.Code.OK);
		assertThat(ApiError.summary(code)).isNotBlank();
	}

}
