package org.convene.grpc;

import io.grpc.Metadata;

/** gRPC metadata keys that carry a caller's request context from the gateway to the services. */
public final class CallMetadata {

	/** The request's correlation id, logged on every line and returned to the caller. */
	public static final Metadata.Key<String> CORRELATION_ID = ascii("x-correlation-id");

	/** The caller's credentials as received: {@code Bearer <jwt>} or {@code ApiKey <key>}. */
	public static final Metadata.Key<String> AUTHORIZATION = ascii("authorization");

	/** An API key, as the REST header X-API-Key carries it. */
	public static final Metadata.Key<String> API_KEY = ascii("x-api-key");

	/** Makes a mutation idempotent: a retry with the same key returns the first answer. */
	public static final Metadata.Key<String> IDEMPOTENCY_KEY = ascii("idempotency-key");

	/**
	 * Response header of a mutation answered from its idempotency key's stored answer rather
	 * than executed again; its value is {@code true}.
	 */
	public static final Metadata.Key<String> IDEMPOTENT_REPLAYED = ascii("idempotent-replayed");

	/** Address of the end client as the gateway saw it, for audit records. */
	public static final Metadata.Key<String> CLIENT_ADDRESS = ascii("x-client-address");

	private CallMetadata() {
	}

	private static Metadata.Key<String> ascii(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

}
