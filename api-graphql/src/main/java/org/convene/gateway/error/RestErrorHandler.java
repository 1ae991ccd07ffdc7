package org.convene.gateway.error;

import jakarta.servlet.http.HttpServletRequest;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/** Every failure of a REST call becomes the envelope of spec section 3.7; none escapes as a 500 page. */
@RestControllerAdvice
class RestErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

	private final ErrorResponses responses;

	RestErrorHandler(ErrorResponses responses) {
		this.responses = responses;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorEnvelope> api(ApiException ex, HttpServletRequest request) {
		return this.responses.render(ex.error(), request);
	}

	@ExceptionHandler(StatusRuntimeException.class)
	ResponseEntity<ErrorEnvelope> grpc(StatusRuntimeException ex, HttpServletRequest request) {
		ApiError error = ApiError.fromThrowable(ex);
		if (error.code() == ErrorCode.INTERNAL_ERROR || error.code() == ErrorCode.SERVICE_UNAVAILABLE) {
			log.warn("Service call failed: {}", ex.getStatus());
		}
		HttpHeaders headers = new HttpHeaders();
		if (error.code() == ErrorCode.IDEMPOTENCY_KEY_IN_USE) {
			// the first request with the key is still running; its answer is usually there in a moment
			headers.set(HttpHeaders.RETRY_AFTER, "1");
		}
		return this.responses.render(error, request, headers);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return this.responses.render(ApiError.of(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON",
				"Send a JSON object as the request body", "body"), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return this.responses.render(ApiException.invalid(ex.getParameterName(), "is required").error(), request);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return this.responses.render(ApiException.invalid(ex.getHeaderName(), "header is required").error(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return this.responses.render(ApiException.invalid(ex.getName(), "'" + ex.getValue() + "' is not a valid value")
			.error(), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorEnvelope> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return this.responses.render(ApiError.of(ErrorCode.METHOD_NOT_ALLOWED,
				ex.getMethod() + " is not supported on this path", null, "method"), request, headers);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return this.responses.render(ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type " + ex.getContentType() + " is not supported", "Send application/json", "Content-Type"),
				request);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return this.responses.render(ApiError.of(ErrorCode.NOT_ACCEPTABLE, "None of the accepted media types can be produced",
				"Accept application/json", "Accept"), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ErrorEnvelope> noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return this.responses.render(ApiError.of(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path",
				"Nothing is served at '" + request.getRequestURI() + "'", "path"), request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ErrorEnvelope> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return this.responses.render(ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorEnvelope> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure", ex);
		return this.responses.render(ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred"), request);
	}

}
