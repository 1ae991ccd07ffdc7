package org.convene.gateway.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.stereotype.Component;

import org.convene.gateway.context.ForwardedContext;
import org.convene.grpc.CallMetadata;

/**
 * Sends the request's correlation id, credentials, client address and idempotency key as
 * metadata on every call to a service, so the service applies the caller's rules. Calls the
 * gateway makes with credentials of its own (call credentials) carry none of the caller's.
 */
@Component
@GlobalClientInterceptor
class ForwardingClientInterceptor implements ClientInterceptor {

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
			CallOptions options, Channel next) {
		ForwardedContext context = ForwardedContext.current();
		return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
			@Override
			public void start(Listener<RespT> listener, Metadata headers) {
				if (context != null) {
					headers.put(CallMetadata.CORRELATION_ID, context.correlationId());
					headers.put(CallMetadata.CLIENT_ADDRESS, context.clientAddress());
					boolean ownCredentials = options.getCredentials() != null;
					if (context.authorization() != null && !ownCredentials) {
						headers.put(CallMetadata.AUTHORIZATION, context.authorization());
					}
					if (context.apiKey() != null && !ownCredentials) {
						headers.put(CallMetadata.API_KEY, context.apiKey());
					}
					if (context.idempotencyKey() != null) {
						headers.put(CallMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
					}
				}
				super.start(listener, headers);
			}
		};
	}

}
