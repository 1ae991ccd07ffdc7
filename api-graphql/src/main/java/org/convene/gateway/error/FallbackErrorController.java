package org.convene.gateway.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;

/**
 * Renders errors that happen outside the controllers (in filters, in the container) in the
 * same envelope, instead of Spring's default error page.
 */
@RestController
class FallbackErrorController implements ErrorController {

	private final ErrorResponses responses;

	FallbackErrorController(ErrorResponses responses) {
		this.responses = responses;
	}

	@RequestMapping("/error")
	ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = status instanceof Integer value ? value : 500;
		ApiError error = switch (code) {
			case 400 -> ApiError.of(ErrorCode.INVALID_REQUEST, "The request is malformed");
			case 404 -> ApiError.of(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path");
			case 405 -> ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "This method is not supported on this path");
			case 413 -> ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request is too large");
			case 415 -> ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not supported");
			default -> code < 500 ? ApiError.of(ErrorCode.INVALID_REQUEST, "The request could not be processed")
					: ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
		};
		return this.responses.render(error, request);
	}

}
