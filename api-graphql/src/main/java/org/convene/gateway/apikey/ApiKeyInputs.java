package org.convene.gateway.apikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.FieldViolation;

/**
 * The one conversion of API key input, from a REST JSON body or a GraphQL input object, into
 * the request core-grpc takes. Field names are the JSON names of the proto message; each
 * field is read on its own, and fields the request does not have are refused. Which scopes
 * and owners are allowed is core's to check.
 */
final class ApiKeyInputs {

	private static final Map<String, String> CREATE_FIELDS = Map.of("name", "a string", "scopes",
			"an array of scopes such as events:read", "expiresAt",
			"an RFC 3339 date-time with offset, e.g. 2027-01-01T00:00:00Z, or null for no expiry", "ownerId",
			"a user id (UUID)");

	private ApiKeyInputs() {
	}

	static CreateApiKeyRequest create(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		CreateApiKeyRequest.Builder request = CreateApiKeyRequest.newBuilder();
		ProtoInput.merge(input, CREATE_FIELDS, "is not a field of an API key", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

}
