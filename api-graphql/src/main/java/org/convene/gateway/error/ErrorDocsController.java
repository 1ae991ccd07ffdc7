package org.convene.gateway.error;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/** The documentation every error envelope links to: what each code means and what to do. */
@RestController
class ErrorDocsController {

	@GetMapping("/errors")
	List<ErrorDoc> all() {
		return Arrays.stream(ErrorCode.values())
			.filter(code -> code != ErrorCode.UNRECOGNIZED && code != ErrorCode.ERROR_CODE_UNSPECIFIED)
			.map(ErrorDoc::of)
			.toList();
	}

	@GetMapping("/errors/{code}")
	ErrorDoc one(@PathVariable String code) {
		try {
			return ErrorDoc.of(ErrorCode.valueOf(code));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.notFound("error code", code, "code");
		}
	}

	/**
	 * @param code the error code
	 * @param httpStatus the HTTP status REST answers with
	 * @param grpcStatus the gRPC status services answer with
	 * @param summary what happened and what to do
	 */
	record ErrorDoc(String code, int httpStatus, String grpcStatus, String summary) {

		static ErrorDoc of(ErrorCode code) {
			return new ErrorDoc(code.name(), ApiError.httpStatus(code), ApiError.grpcCode(code).name(), ApiError.summary(code));
		}

	}

}
