package org.convene.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/**
 * Renders failures of GraphQL fields as errors whose {@code extensions.code} is the same
 * code REST and gRPC use, with the correlation id and, for invalid input, every field.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return toGraphQlError(apiError(ex, env.getExecutionStepInfo().getPath()), env);
	}

	/** The API error a failure stands for; an unexpected one is logged, naming where it happened, and is INTERNAL_ERROR. */
	static ApiError apiError(Throwable ex, Object where) {
		if (ex instanceof ApiException api) {
			return api.error();
		}
		if (ex instanceof StatusRuntimeException) {
			return ApiError.fromThrowable(ex);
		}
		log.error("Unexpected failure of {}", where, ex);
		return ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
	}

	public static GraphQLError toGraphQlError(ApiError error, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(errorType(error.code()))
			.message(error.message())
			.extensions(extensions(error))
			.build();
	}

	public static Map<String, Object> extensions(ApiError error) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", error.code().name());
		extensions.put("status", error.httpStatus());
		if (error.details() != null) {
			extensions.put("details", error.details());
		}
		if (error.target() != null) {
			extensions.put("target", error.target());
		}
		if (!error.violations().isEmpty()) {
			extensions.put("fieldErrors",
					error.violations().stream().map(v -> Map.of("field", v.field(), "message", v.description())).toList());
		}
		String correlationId = MDC.get("correlationId");
		if (correlationId != null) {
			extensions.put("correlationId", correlationId);
		}
		return extensions;
	}

	static ErrorType errorType(ErrorCode code) {
		return switch (code) {
			case RESOURCE_NOT_FOUND -> ErrorType.NOT_FOUND;
			case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
			case PERMISSION_DENIED -> ErrorType.FORBIDDEN;
			case INTERNAL_ERROR, SERVICE_UNAVAILABLE, DEADLINE_EXCEEDED, ERROR_CODE_UNSPECIFIED, UNRECOGNIZED ->
				ErrorType.INTERNAL_ERROR;
			default -> ErrorType.BAD_REQUEST;
		};
	}

}
