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
 * @param idempotencyKey the Idempotency-Key header, or {@code null}
 */
public record ForwardedContext(String correlationId, String authorization, String apiKey, String clientAddress,
		String idempotencyKey) {

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

	static void set(ForwardedContext context) {
		CURRENT.set(context);
	}

	static void clear() {
		CURRENT.remove();
	}

	private static final class Accessor implements ThreadLocalAccessor<ForwardedContext> {

		@Override
		public Object key() {
			return ForwardedContext.class.getName();
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
