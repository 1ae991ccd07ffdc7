package org.convene.core.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.grpc.Context;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.MDC;

import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.auth.CallerResolver;
import org.convene.grpc.ApiError;
import org.convene.grpc.CallMetadata;

/**
 * Runs every call in its {@link RequestContext}: attaches it to the gRPC context, puts the
 * correlation id on every log line, returns it in the response metadata, turns whatever the
 * service throws into a status through {@link FailureStatuses}, and records the call and its
 * outcome for the audit log.
 */
@Component
@GlobalServerInterceptor
@Order(RequestContext.INTERCEPTOR_ORDER)
class RequestContextInterceptor implements ServerInterceptor {

	private final CallerResolver callers;

	private final CallRecorder recorder;

	RequestContextInterceptor(CallerResolver callers, CallRecorder recorder) {
		this.callers = callers;
		this.recorder = recorder;
	}

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		ClosingCall<ReqT, RespT> closingCall = new ClosingCall<>(call);
		RequestContext requestContext;
		try {
			requestContext = RequestContext.from(headers, this.callers.resolve(headers));
		}
		catch (RuntimeException ex) {
			RequestContext anonymous = RequestContext.from(headers, Caller.ANONYMOUS);
			closingCall.audit(this.recorder, anonymous);
			closingCall.fail(ex);
			return new ServerCall.Listener<>() {
			};
		}
		closingCall.audit(this.recorder, requestContext);
		Context context = Context.current().withValue(RequestContext.KEY, requestContext);
		ServerCall.Listener<ReqT> listener = within(context, requestContext, closingCall,
				() -> next.startCall(closingCall, headers));
		return listener == null ? new ServerCall.Listener<>() {
		} : new ContextListener<>(listener, context, requestContext, closingCall);
	}

	private static <T> T within(Context context, RequestContext requestContext, ClosingCall<?, ?> call,
			java.util.function.Supplier<T> action) {
		Context previous = context.attach();
		MDC.put("correlationId", requestContext.correlationId());
		try {
			return action.get();
		}
		catch (RuntimeException | Error ex) {
			call.fail(ex);
			return null;
		}
		finally {
			MDC.remove("correlationId");
			context.detach(previous);
		}
	}

	/** A call that sends the correlation id back and is closed at most once. */
	private static final class ClosingCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {

		private final AtomicBoolean closed = new AtomicBoolean();

		private final Instant started = Instant.now();

		private volatile String correlationId;

		private volatile RequestContext context;

		private volatile CallRecorder recorder;

		ClosingCall(ServerCall<ReqT, RespT> delegate) {
			super(delegate);
		}

		void audit(CallRecorder recorder, RequestContext context) {
			this.recorder = recorder;
			this.context = context;
			this.correlationId = context.correlationId();
		}

		@Override
		public void sendHeaders(Metadata headers) {
			if (this.correlationId != null) {
				headers.put(CallMetadata.CORRELATION_ID, this.correlationId);
			}
			super.sendHeaders(headers);
		}

		@Override
		public void close(Status status, Metadata trailers) {
			if (this.closed.compareAndSet(false, true)) {
				if (this.correlationId != null && !trailers.containsKey(CallMetadata.CORRELATION_ID)) {
					trailers.put(CallMetadata.CORRELATION_ID, this.correlationId);
				}
				record(status, trailers);
				super.close(status, trailers);
			}
		}

		void fail(Throwable failure) {
			StatusRuntimeException status = FailureStatuses.toStatus(failure);
			Metadata trailers = status.getTrailers() == null ? new Metadata() : status.getTrailers();
			close(status.getStatus(), trailers);
		}

		boolean isClosed() {
			return this.closed.get();
		}

		private void record(Status status, Metadata trailers) {
			String operation = getMethodDescriptor().getFullMethodName();
			if (this.recorder == null || operation.startsWith("grpc.")) {
				return;
			}
			String outcome = status.isOk() ? "OK" : ApiError.fromThrowable(status.asRuntimeException(trailers)).code().name();
			this.recorder.record(new CallRecorder.Call(this.started, this.context.caller(), operation, outcome,
					this.context.clientAddress(), this.context.correlationId(),
					Duration.between(this.started, Instant.now()).toMillis()));
		}

	}

	private static final class ContextListener<ReqT> extends SimpleForwardingServerCallListener<ReqT> {

		private final Context context;

		private final RequestContext requestContext;

		private final ClosingCall<ReqT, ?> call;

		ContextListener(ServerCall.Listener<ReqT> delegate, Context context, RequestContext requestContext,
				ClosingCall<ReqT, ?> call) {
			super(delegate);
			this.context = context;
			this.requestContext = requestContext;
			this.call = call;
		}

		@Override
		public void onMessage(ReqT message) {
			runUnlessClosed(() -> super.onMessage(message));
		}

		@Override
		public void onHalfClose() {
			runUnlessClosed(super::onHalfClose);
		}

		@Override
		public void onReady() {
			runUnlessClosed(super::onReady);
		}

		@Override
		public void onCancel() {
			run(super::onCancel);
		}

		@Override
		public void onComplete() {
			run(super::onComplete);
		}

		private void runUnlessClosed(Runnable callback) {
			if (!this.call.isClosed()) {
				run(callback);
			}
		}

		private void run(Runnable callback) {
			within(this.context, this.requestContext, this.call, () -> {
				callback.run();
				return null;
			});
		}

	}

}
