package org.convene.gateway.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/**
 * Renders the failure that ends a subscription (a refusal when its stream opens, the stream
 * being dropped) like {@link GraphQlErrors} renders failed fields: the same {@code extensions.code}.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		ApiError error;
		if (ex instanceof ApiException api) {
			error = api.error();
		}
		else if (ex instanceof StatusRuntimeException) {
			error = ApiError.fromThrowable(ex);
		}
		else {
			log.error("Unexpected failure of a subscription", ex);
			error = ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
		}
		return GraphqlErrorBuilder.newError()
			.errorType(GraphQlErrors.errorType(error.code()))
			.message(error.message())
			.extensions(GraphQlErrors.extensions(error))
			.build();
	}

}
