package org.convene.core.grpc;

import java.util.UUID;
import java.util.regex.Pattern;

import io.grpc.Context;
import io.grpc.Metadata;

import org.springframework.core.Ordered;

import org.convene.core.auth.Caller;
import org.convene.grpc.CallMetadata;

/**
 * The context a gRPC call runs in, available to domain code through {@link #current()}.
 *
 * @param correlationId the correlation id the caller sent, or a new one
 * @param caller who is calling
 * @param clientAddress the end client's address as the gateway saw it; empty if unknown
 */
public record RequestContext(String correlationId, Caller caller, String clientAddress) {

	/**
	 * Order of the interceptor that establishes the context ({@code @Order}); interceptors
	 * that need it order themselves after this one. Close to the lowest precedence, so that
	 * interceptors of the framework stay outside.
	 */
	public static final int INTERCEPTOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	static final Context.Key<RequestContext> KEY = Context.key("convene-request-context");

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/** The context of the call on this thread; outside any call, core's own ({@link Caller#SYSTEM}). */
	public static RequestContext current() {
		RequestContext context = KEY.get();
		return context == null ? new RequestContext(UUID.randomUUID().toString(), Caller.SYSTEM, "") : context;
	}

	static RequestContext from(Metadata headers, Caller caller) {
		String correlationId = headers.get(CallMetadata.CORRELATION_ID);
		if (correlationId == null || !SAFE_ID.matcher(correlationId).matches()) {
			correlationId = UUID.randomUUID().toString();
		}
		String address = headers.get(CallMetadata.CLIENT_ADDRESS);
		return new RequestContext(correlationId, caller, address == null ? "" : address);
	}

}
