package org.convene.core.apikey;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.v1.proto.ApiKey;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.CreatedApiKey;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.ListApiKeysResponse;
import org.convene.core.v1.proto.RevokeApiKeyRequest;

/** {@code convene.core.v1.ApiKeyService} over gRPC; failures become statuses in the request interceptor. */
@Service
class ApiKeyGrpcService extends ApiKeyServiceGrpc.ApiKeyServiceImplBase {

	private final ApiKeys keys;

	ApiKeyGrpcService(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreatedApiKey> response) {
		reply(response, this.keys.create(request));
	}

	@Override
	public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> response) {
		reply(response, this.keys.list(request));
	}

	@Override
	public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<ApiKey> response) {
		reply(response, this.keys.revoke(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
