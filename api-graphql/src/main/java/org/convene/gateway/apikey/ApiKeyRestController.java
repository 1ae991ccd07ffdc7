package org.convene.gateway.apikey;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.core.v1.proto.ApiKeyServiceGrpc.ApiKeyServiceBlockingStub;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.gateway.apikey.ApiKeyView.CreatedApiKey;
import org.convene.grpc.ApiException;

/** The API keys API under {@code /api/v1/api-keys}. Who may create, list and revoke keys is decided by core. */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = "application/json")
@Tag(name = "API keys", description = "Keys for server-to-server integrations")
class ApiKeyRestController {

	private final ApiKeyServiceBlockingStub apiKeys;

	ApiKeyRestController(ApiKeyServiceBlockingStub apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Create an API key", description = "For a signed-in organizer or administrator (an "
			+ "administrator may name another ownerId). Body: name, scopes, expiresAt (absent for no expiry), ownerId. "
			+ "The answer holds the secret, shown only this once; it is not cached.")
	ResponseEntity<CreatedApiKey> create(@RequestBody Map<String, Object> body) {
		CreatedApiKey created = CreatedApiKey.of(this.apiKeys.createApiKey(ApiKeyInputs.create(body)));
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created);
	}

	@GetMapping
	@Operation(summary = "List API keys", description = "The caller's keys, newest first, revoked and expired ones "
			+ "included; an administrator lists anyone's with ownerId.")
	KeyList list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!name.equals("ownerId")) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: ownerId");
			}
		}
		String ownerId = query.getFirst("ownerId");
		ListApiKeysRequest.Builder request = ListApiKeysRequest.newBuilder();
		if (ownerId != null) {
			request.setOwnerId(ownerId.strip());
		}
		return new KeyList(this.apiKeys.listApiKeys(request.build()).getKeysList().stream().map(ApiKeyView::of).toList());
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke an API key", description = "By its owner or an administrator; it stops working at "
			+ "once. Revoking again keeps the first revocation time.")
	ApiKeyView revoke(@PathVariable String id) {
		return ApiKeyView.of(this.apiKeys.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(id).build()));
	}

	/**
	 * Every key of one owner; keys are few, so the list is not paged.
	 *
	 * @param data the keys, newest first
	 */
	record KeyList(List<ApiKeyView> data) {
	}

}
