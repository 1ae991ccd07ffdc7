package org.convene.gateway.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import org.convene.grpc.ApiError;

/**
 * Renders the failure that ends a subscription (a refusal when its stream opens, the stream
 * being dropped) like {@link GraphQlErrors} renders failed fields: the same {@code extensions.code}.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		ApiError error = GraphQlErrors.apiError(ex, "a subscription");
		return GraphqlErrorBuilder.newError()
			.errorType(GraphQlErrors.errorType(error.code()))
			.message(error.message())
			.extensions(GraphQlErrors.extensions(error))
			.build();
	}

}
