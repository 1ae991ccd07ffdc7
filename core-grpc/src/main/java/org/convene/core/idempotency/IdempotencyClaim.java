package org.convene.core.idempotency;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.protobuf.MessageLite;
import io.grpc.Context;
import org.jooq.DSLContext;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The right of one call of a {@link StoresIdempotentResponse} method to store its answer
 * under the caller's idempotency key. The interceptor has checked that no answer is stored
 * for the key yet; the method stores its answer in the transaction that commits its work:
 *
 * <pre>{@code
 * Optional<IdempotencyClaim> claim = IdempotencyClaim.current(); // on the calling thread
 * // ... later, on the worker, inside the transaction of the change:
 * claim.ifPresent(c -> c.storeIn(db, registration));
 * }</pre>
 */
public final class IdempotencyClaim {

	static final Context.Key<IdempotencyClaim> KEY = Context.key("convene-idempotency-claim");

	private final CallerKey key;

	private final String operation;

	private final byte[] requestHash;

	private final AtomicBoolean stored = new AtomicBoolean();

	IdempotencyClaim(CallerKey key, String operation, byte[] requestHash) {
		this.key = key;
		this.operation = operation;
		this.requestHash = requestHash;
	}

	/**
	 * The claim of the call this thread serves: present while a {@link StoresIdempotentResponse}
	 * method runs for a call that carries an idempotency key; empty otherwise. gRPC's context
	 * does not follow work to other threads: take the claim before handing the work over.
	 */
	public static Optional<IdempotencyClaim> current() {
		return Optional.ofNullable(KEY.get());
	}

	/** The full gRPC method name of the call, e.g. {@code convene.registration.v1.RegistrationService/CreateRegistration}. */
	public String operation() {
		return this.operation;
	}

	/**
	 * Stores the call's answer under its key, in the transaction that commits the call's work
	 * (on any thread): when that transaction commits, retries get this answer; when it rolls
	 * back, nothing is stored and a retry executes again.
	 * @param db the connection of that transaction
	 * @param answer the message the call answers with
	 * @throws IllegalStateException when no transaction is active
	 * @throws org.convene.grpc.ApiException IDEMPOTENCY_KEY_IN_USE when a concurrent call with the
	 * same key stored its answer first: roll this call's work back and fail the call with it (its
	 * retry gets the stored answer)
	 */
	public void storeIn(DSLContext db, MessageLite answer) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An idempotent answer must be stored in the transaction of its work");
		}
		if (!IdempotencyRecords.insertAnswered(db, this.key, this.operation, this.requestHash, answer.toByteArray())) {
			throw IdempotencyErrors.inUse();
		}
		this.stored.set(true);
	}

	boolean isStored() {
		return this.stored.get();
	}

}
