package org.convene.gateway.context;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

/**
 * What the gateway forwards from an HTTP request to the services it calls.
 *
 * @param correlationId the request's correlation id
 * @param authorization the Authorization header as received, or {@code null}
 * @param apiKey the X-API-Key header, or {@code null}
 * @param clientAddress the client's address
 * @param idempotencyKey the key mutations are forwarded with: the request's Idempotency-Key
 * header, or for a GraphQL mutation field its own key; {@code null} for none
 * @param onReplay what to do when core answers a mutation with an earlier request's stored
 * answer (the REST response gets {@code Idempotent-Replayed: true})
 */
public record ForwardedContext(String correlationId, String authorization, String apiKey, String clientAddress,
		IdempotencyKey idempotencyKey, Runnable onReplay) {

	/**
	 * Key of the context among the thread-local values that context propagation carries, e.g.
	 * in a GraphQL request's context.
	 */
	public static final String CONTEXT_KEY = ForwardedContext.class.getName();

	private static final ThreadLocal<ForwardedContext> CURRENT = new ThreadLocal<>();

	static {
		// GraphQL may resolve fields on other threads; context propagation carries this and
		// the correlation id of the log lines along.
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Accessor());
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("correlationId"));
	}

	/** The context of the request this thread serves, or {@code null}. */
	public static ForwardedContext current() {
		return CURRENT.get();
	}

	/** This context with another idempotency key, e.g. one mutation field's own. */
	public ForwardedContext withIdempotencyKey(IdempotencyKey key) {
		return new ForwardedContext(this.correlationId, this.authorization, this.apiKey, this.clientAddress, key,
				this.onReplay);
	}

	static void set(ForwardedContext context) {
		CURRENT.set(context);
	}

	static void clear() {
		CURRENT.remove();
	}

	private static final class Accessor implements ThreadLocalAccessor<ForwardedContext> {

		@Override
		public Object key() {
			return CONTEXT_KEY;
		}

		@Override
		public ForwardedContext getValue() {
			return CURRENT.get();
		}

		@Override
		public void setValue(ForwardedContext value) {
			CURRENT.set(value);
		}

		@Override
		public void setValue() {
			CURRENT.remove();
		}

	}

}
