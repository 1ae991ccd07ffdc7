package org.convene.gateway.graphql;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

import org.springframework.stereotype.Component;

import org.convene.gateway.context.ForwardedContext;
import org.convene.gateway.context.IdempotencyKey;

/**
 * Gives each mutation field of a GraphQL request its own idempotency key: its
 * {@code idempotencyKey} argument if given, else the request's {@code Idempotency-Key} header
 * followed by {@code :} and the field's name in the response (its alias, if any), so that
 * one header key never makes two mutations of a document collide.
 * <p>
 * The key reaches the gRPC calls of the field the way the rest of the request context does:
 * context propagation restores the {@link ForwardedContext} around each data fetcher from
 * the request's GraphQL context, and from the fetcher's local context when it is a
 * {@link GraphQLContext} — where this puts the field's own.
 */
@Component
class IdempotencyKeyInstrumentation implements Instrumentation {

	/** The optional argument of every mutation that core executes. */
	static final String ARGUMENT = "idempotencyKey";

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() != OperationDefinition.Operation.MUTATION
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return fetcher;
		}
		return env -> fetcher.get(withFieldKey(env));
	}

	private static DataFetchingEnvironment withFieldKey(DataFetchingEnvironment env) {
		ForwardedContext request = env.getGraphQlContext().get(ForwardedContext.CONTEXT_KEY);
		if (request == null) {
			request = ForwardedContext.current();
		}
		String argument = env.getArgument(ARGUMENT);
		if (request == null || (argument == null && request.idempotencyKey() == null)
				|| (env.getLocalContext() != null && !(env.getLocalContext() instanceof GraphQLContext))) {
			return env;
		}
		IdempotencyKey key = (argument != null) ? IdempotencyKey.of(argument, ARGUMENT)
				: request.idempotencyKey().scopedTo(env.getMergedField().getResultKey());
		GraphQLContext.Builder local = GraphQLContext.newContext();
		if (env.getLocalContext() instanceof GraphQLContext existing) {
			local.of(existing);
		}
		local.put(ForwardedContext.CONTEXT_KEY, request.withIdempotencyKey(key));
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).localContext(local.build()).build();
	}

}
