package org.convene.core.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import com.google.protobuf.MessageLite;
import io.grpc.Context;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.core.idempotency.IdempotencyRecords.Earlier;
import org.convene.grpc.CallMetadata;

/**
 * Runs a unary mutation that carries an idempotency key. All decisions are taken when the
 * request is complete ({@code onHalfClose}), where a unary service method runs.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotentCalls {

	private static final Logger log = LoggerFactory.getLogger(IdempotentCalls.class);

	private final IdempotencyRecords records;

	private final TransactionTemplate transactions;

	private final Duration wait;

	IdempotentCalls(IdempotencyRecords records, PlatformTransactionManager transactions, IdempotencyProperties properties) {
		this.records = records;
		this.transactions = new TransactionTemplate(transactions);
		this.wait = properties.waitTimeout();
	}

	/**
	 * The call, its key claim and the storing of its answer in one transaction. The service's
	 * {@code @Transactional} methods run on this thread and join it, so the answer is stored
	 * exactly when the work is committed. The answer reaches the client after the commit.
	 */
	<ReqT, RespT> ServerCall.Listener<ReqT> inTransaction(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next, CallerKey key) {
		HeldCall<ReqT, RespT> held = new HeldCall<>(call);
		return new RequestListener<>(next.startCall(held, headers)) {
			@Override
			void complete(ReqT request, Runnable execute) {
				MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
				byte[] hash = RequestHash.of(method, request);
				RespT replay;
				try {
					replay = IdempotentCalls.this.transactions.execute(tx -> {
						Optional<Earlier> earlier = IdempotentCalls.this.records.claim(key, method.getFullMethodName(), hash,
								IdempotentCalls.this.wait);
						if (earlier.isPresent()) {
							return answerOf(earlier.get(), key, method, hash);
						}
						execute.run();
						settle(tx, held, key, method);
						return null;
					});
				}
				catch (RuntimeException | Error ex) {
					held.discard();
					throw ex;
				}
				if (replay != null) {
					replay(call, replay);
				}
				else {
					held.release();
				}
			}
		};
	}

	/**
	 * The call of a {@link StoresIdempotentResponse} method: a stored answer is replayed,
	 * otherwise the method runs with an {@link IdempotencyClaim} in its context and no
	 * transaction of ours.
	 */
	<ReqT, RespT> ServerCall.Listener<ReqT> storedByService(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next, CallerKey key) {
		ClaimCheckingCall<ReqT, RespT> checked = new ClaimCheckingCall<>(call);
		return new RequestListener<>(next.startCall(checked, headers)) {
			@Override
			void complete(ReqT request, Runnable execute) {
				MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
				byte[] hash = RequestHash.of(method, request);
				Optional<Earlier> earlier = IdempotentCalls.this.records.find(key);
				if (earlier.isPresent()) {
					replay(call, answerOf(earlier.get(), key, method, hash));
					return;
				}
				checked.claim = new IdempotencyClaim(key, method.getFullMethodName(), hash);
				Context.current().withValue(IdempotencyClaim.KEY, checked.claim).run(execute);
			}
		};
	}

	private void settle(TransactionStatus tx, HeldCall<?, ?> held, CallerKey key, MethodDescriptor<?, ?> method) {
		if (held.failed()) {
			tx.setRollbackOnly();
			return;
		}
		Object answer = held.answer();
		if (answer == null) {
			log.warn("{} did not answer before returning, so its idempotency key is not kept; a method that answers "
					+ "from another thread must be marked @StoresIdempotentResponse", method.getFullMethodName());
			this.records.release(key);
			return;
		}
		this.records.complete(key, bytes(method, answer));
	}

	/** The earlier call's answer if this call is its retry; fails if the key was used otherwise. */
	private static <RespT> RespT answerOf(Earlier earlier, CallerKey key, MethodDescriptor<?, RespT> method, byte[] hash) {
		if (!earlier.operation().equals(method.getFullMethodName()) || !MessageDigest.isEqual(earlier.requestHash(), hash)) {
			throw IdempotencyErrors.reused();
		}
		if (!earlier.completed()) {
			throw IdempotencyErrors.inUse();
		}
		return method.parseResponse(new ByteArrayInputStream(key.open(earlier.answer())));
	}

	private static <RespT> void replay(ServerCall<?, RespT> call, RespT answer) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.IDEMPOTENT_REPLAYED, "true");
		call.sendHeaders(headers);
		call.sendMessage(answer);
		call.close(Status.OK, new Metadata());
	}

	@SuppressWarnings("unchecked")
	private static <RespT> byte[] bytes(MethodDescriptor<?, RespT> method, Object answer) {
		if (answer instanceof MessageLite message) {
			return message.toByteArray();
		}
		try (InputStream stream = method.streamResponse((RespT) answer)) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Keeps the request of a unary call and hands it over with the service's half-close. */
	private abstract static class RequestListener<ReqT> extends SimpleForwardingServerCallListener<ReqT> {

		private ReqT request;

		RequestListener(ServerCall.Listener<ReqT> delegate) {
			super(delegate);
		}

		@Override
		public void onMessage(ReqT message) {
			this.request = message;
			super.onMessage(message);
		}

		@Override
		public void onHalfClose() {
			if (this.request == null) {
				super.onHalfClose();
			}
			else {
				complete(this.request, super::onHalfClose);
			}
		}

		/** Handles the complete request; {@code execute} runs the service method. */
		abstract void complete(ReqT request, Runnable execute);

	}

	/** Warns when a method that promised to store its answer answered without storing it. */
	private static final class ClaimCheckingCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {

		private volatile IdempotencyClaim claim;

		ClaimCheckingCall(ServerCall<ReqT, RespT> delegate) {
			super(delegate);
		}

		@Override
		public void close(Status status, Metadata trailers) {
			IdempotencyClaim current = this.claim;
			if (status.isOk() && current != null && !current.isStored()) {
				log.warn("{} answered without storing its answer under the caller's idempotency key",
						getMethodDescriptor().getFullMethodName());
			}
			super.close(status, trailers);
		}

	}

}
