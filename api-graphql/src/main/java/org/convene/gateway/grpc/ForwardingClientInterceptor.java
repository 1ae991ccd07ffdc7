package org.convene.gateway.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.stereotype.Component;

import org.convene.gateway.context.ForwardedContext;
import org.convene.grpc.CallMetadata;
import org.convene.grpc.IdempotencyKeys;

/**
 * Sends the request's correlation id, credentials and client address as metadata on every
 * call to a service, so the service applies the caller's rules, and its idempotency key on
 * calls of mutations (methods declared {@code (convene.common.v1.mutation) = true}), noting
 * answers core replayed from the key's first request. Calls the gateway makes with
 * credentials of its own (call credentials) carry none of the caller's, nor its key.
 */
@Component
@GlobalClientInterceptor
class ForwardingClientInterceptor implements ClientInterceptor {

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
			CallOptions options, Channel next) {
		ForwardedContext context = ForwardedContext.current();
		boolean ownCredentials = options.getCredentials() != null;
		// An unusable key fails the mutation here, before anything is sent.
		String idempotencyKey = context != null && context.idempotencyKey() != null && !ownCredentials
				&& IdempotencyKeys.isMutation(method) ? context.idempotencyKey().require() : null;
		return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
			@Override
			public void start(Listener<RespT> listener, Metadata headers) {
				if (context != null) {
					headers.put(CallMetadata.CORRELATION_ID, context.correlationId());
					headers.put(CallMetadata.CLIENT_ADDRESS, context.clientAddress());
					if (context.authorization() != null && !ownCredentials) {
						headers.put(CallMetadata.AUTHORIZATION, context.authorization());
					}
					if (context.apiKey() != null && !ownCredentials) {
						headers.put(CallMetadata.API_KEY, context.apiKey());
					}
				}
				if (idempotencyKey != null) {
					headers.put(CallMetadata.IDEMPOTENCY_KEY, idempotencyKey);
					listener = noticingReplays(listener, context.onReplay());
				}
				super.start(listener, headers);
			}
		};
	}

	private static <RespT> ClientCall.Listener<RespT> noticingReplays(ClientCall.Listener<RespT> listener,
			Runnable onReplay) {
		return new SimpleForwardingClientCallListener<>(listener) {
			@Override
			public void onHeaders(Metadata headers) {
				if (onReplay != null && "true".equals(headers.get(CallMetadata.IDEMPOTENT_REPLAYED))) {
					onReplay.run();
				}
				super.onHeaders(headers);
			}
		};
	}

}
