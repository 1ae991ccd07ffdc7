package org.convene.gateway.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.CallMetadata;

/**
 * The callers of the gateway's own gRPC services, from the bearer token in the call's
 * metadata, checked as on HTTP: our keys, issuer and audience, the client not disabled, the
 * address in its allowlist. The service then sees the caller through {@link GatewayCaller},
 * and what it throws reaches the caller as a status with Convene's error details.
 */
@Component
@GlobalServerInterceptor
class GrpcCallers implements ServerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(GrpcCallers.class);

	private final BearerTokens tokens;

	GrpcCallers(BearerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		Authentication caller;
		try {
			caller = authenticate(headers.get(CallMetadata.AUTHORIZATION), address(call));
		}
		catch (ApiException ex) {
			StatusRuntimeException status = ex.error().toStatusException();
			call.close(status.getStatus(), status.getTrailers());
			return new ServerCall.Listener<>() {
			};
		}
		return new AuthenticatedListener<>(next.startCall(call, headers), call, caller);
	}

	/** The caller of a token; null without one, as health and reflection need none. */
	private Authentication authenticate(String authorization, String address) {
		return authorization == null ? null : this.tokens.authenticate(authorization, address);
	}

	private static String address(ServerCall<?, ?> call) {
		SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
		return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "";
	}

	/** Runs each callback with the caller in the security context and turns failures into statuses. */
	private static final class AuthenticatedListener<ReqT> extends SimpleForwardingServerCallListener<ReqT> {

		private final ServerCall<ReqT, ?> call;

		private final Authentication caller;

		AuthenticatedListener(ServerCall.Listener<ReqT> delegate, ServerCall<ReqT, ?> call, Authentication caller) {
			super(delegate);
			this.call = call;
			this.caller = caller;
		}

		@Override
		public void onMessage(ReqT message) {
			run(() -> super.onMessage(message));
		}

		@Override
		public void onHalfClose() {
			run(super::onHalfClose);
		}

		private void run(Runnable callback) {
			SecurityContextHolder.getContext().setAuthentication(this.caller);
			try {
				callback.run();
			}
			catch (ApiException ex) {
				StatusRuntimeException status = ex.error().toStatusException();
				this.call.close(status.getStatus(), status.getTrailers());
			}
			catch (RuntimeException ex) {
				log.error("Unexpected failure in {}", this.call.getMethodDescriptor().getFullMethodName(), ex);
				StatusRuntimeException status = ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred")
					.toStatusException();
				this.call.close(status.getStatus(), status.getTrailers());
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
