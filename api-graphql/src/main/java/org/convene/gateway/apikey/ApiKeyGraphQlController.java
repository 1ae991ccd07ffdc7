package org.convene.gateway.apikey;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.ApiKeyServiceGrpc.ApiKeyServiceBlockingStub;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.gateway.apikey.ApiKeyView.CreatedApiKey;
import org.convene.gateway.graphql.UserErrors;

/** The {@code ApiKey} type and its query and mutations. */
@Controller
class ApiKeyGraphQlController {

	private final ApiKeyServiceBlockingStub apiKeys;

	ApiKeyGraphQlController(ApiKeyServiceBlockingStub apiKeys) {
		this.apiKeys = apiKeys;
	}

	@QueryMapping
	List<ApiKeyView> apiKeys(@Argument String ownerId) {
		ListApiKeysRequest.Builder request = ListApiKeysRequest.newBuilder();
		if (ownerId != null) {
			request.setOwnerId(ownerId);
		}
		return this.apiKeys.listApiKeys(request.build()).getKeysList().stream().map(ApiKeyView::of).toList();
	}

	@MutationMapping
	Object createApiKey(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> CreatedApiKey.of(this.apiKeys.createApiKey(ApiKeyInputs.create(input))));
	}

	@MutationMapping
	Object revokeApiKey(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new ApiKeyResult(ApiKeyView
			.of(this.apiKeys.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId((String) input.get("id")).build()))));
	}

	/** The key a mutation produced. */
	record ApiKeyResult(ApiKeyView key) {
	}

}
