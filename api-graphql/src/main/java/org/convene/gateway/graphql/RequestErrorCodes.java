package org.convene.gateway.graphql;

import java.util.LinkedHashMap;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;

/**
 * Gives errors raised before any field runs (syntax, unknown fields, wrong argument types,
 * query too deep) an {@code extensions.code} too, so every GraphQL error carries one.
 */
@Component
class RequestErrorCodes implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			if (response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
				return response;
			}
			return response.transform(builder -> builder.errors(response.getErrors().stream().map(this::withCode).toList()));
		});
	}

	private GraphQLError withCode(ResponseError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		if (!extensions.containsKey("code")) {
			ErrorCode code = codeOf(error.getErrorType());
			extensions.put("code", code.name());
			String correlationId = MDC.get("correlationId");
			if (correlationId != null) {
				extensions.put("correlationId", correlationId);
			}
		}
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.errorType(error.getErrorType())
			.extensions(extensions);
		if (error.getLocations() != null && !error.getLocations().isEmpty()) {
			builder.locations(error.getLocations());
		}
		if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
			builder.path(error.getParsedPath());
		}
		return builder.build();
	}

	private static ErrorCode codeOf(ErrorClassification type) {
		if (type == ErrorType.InvalidSyntax) {
			return ErrorCode.INVALID_REQUEST;
		}
		if (type == ErrorType.ValidationError) {
			return ErrorCode.VALIDATION_FAILED;
		}
		if (type == ErrorType.ExecutionAborted) {
			return ErrorCode.INVALID_REQUEST;
		}
		if (type instanceof org.springframework.graphql.execution.ErrorType spring) {
			return switch (spring) {
				case BAD_REQUEST -> ErrorCode.INVALID_REQUEST;
				case NOT_FOUND -> ErrorCode.RESOURCE_NOT_FOUND;
				case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
				case FORBIDDEN -> ErrorCode.PERMISSION_DENIED;
				case INTERNAL_ERROR -> ErrorCode.INTERNAL_ERROR;
			};
		}
		return ErrorCode.INTERNAL_ERROR;
	}


}
