/**
 * Idempotent mutations: a call of a mutating method with an {@code idempotency-key} is
 * executed at most once per caller and key. {@link org.convene.core.idempotency.IdempotencyInterceptor}
 * runs such a call and the storing of its answer in one transaction; a service that commits
 * its work elsewhere (another thread, a batch) marks the method
 * {@link org.convene.core.idempotency.StoresIdempotentResponse} and stores the answer itself
 * through {@link org.convene.core.idempotency.IdempotencyClaim}.
 */
package org.convene.core.idempotency;
