package org.convene.gateway.support;

import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;

import org.convene.grpc.CallMetadata;

/** Sends a bearer token with a gRPC call, as an internal team's client would. */
public final class BearerToken extends CallCredentials {

	private final String token;

	public BearerToken(String token) {
		this.token = token;
	}

	@Override
	public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier applier) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.AUTHORIZATION, "Bearer " + this.token);
		applier.apply(headers);
	}

}
