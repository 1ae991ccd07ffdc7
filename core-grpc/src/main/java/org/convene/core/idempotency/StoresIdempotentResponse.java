package org.convene.core.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a gRPC service (the override of the generated {@code *ImplBase} method)
 * that commits its work in a transaction of its own, for example on a worker thread that
 * batches calls, and therefore stores its answer for the call's idempotency key itself.
 * <p>
 * For such a method the interceptor still refuses an invalid key, replays a stored answer
 * and refuses a key used for another request, but it does not wrap the call in its
 * transaction. Instead the method takes the {@link IdempotencyClaim#current() claim} of the
 * call (on the calling thread, before handing work to another one) and calls
 * {@link IdempotencyClaim#storeIn} inside the transaction that commits the work.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StoresIdempotentResponse {

}
