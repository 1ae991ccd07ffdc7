package org.convene.core.registration;

import com.google.protobuf.Message;
import org.jooq.DSLContext;

/**
 * Work that must commit together with a registration request's effect, such as storing the
 * answer under the request's idempotency key. Registrations are created in a transaction of
 * the batch worker, not of the calling thread, so the call's hook travels with the request
 * and is run there.
 */
@FunctionalInterface
public interface CommitHook {

	/** Does nothing. */
	CommitHook NONE = (db, response) -> {
	};

	/**
	 * Called once, inside the transaction that commits the request's effect, with the answer
	 * the caller will receive (a {@code Registration} or a
	 * {@code BatchCreateRegistrationsResponse}). Not called when the request fails as a
	 * whole: then nothing was written. Throwing rolls the batch back; it is then retried
	 * request by request, so only the request whose hook threw fails.
	 * @param db the batch transaction's database access
	 * @param response the answer
	 */
	void recordIn(DSLContext db, Message response);

	/** Finds the hook of the gRPC call on the current thread; a bean of this type is optional. */
	@FunctionalInterface
	interface Source {

		CommitHook current();

	}

}
