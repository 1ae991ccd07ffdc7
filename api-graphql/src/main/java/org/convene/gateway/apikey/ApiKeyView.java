package org.convene.gateway.apikey;

import java.time.OffsetDateTime;
import java.util.List;


import org.convene.core.v1.proto.ApiKey;
import org.convene.grpc.ProtoTime;

/**
 * An API key as GraphQL and REST show it, never with its secret. Times are in UTC.
 *
 * @param id UUID
 * @param name what it is for
 * @param ownerId UUID of the user it acts for
 * @param scopes the scopes it grants
 * @param prefix first characters of the secret, to recognise it
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null for never
 * @param lastUsedAt when it was last used (to the minute), or null
 * @param revokedAt when it was revoked, or null
 */
record ApiKeyView(String id, String name, String ownerId, List<String> scopes, String prefix,
		OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

	static ApiKeyView of(ApiKey key) {
		return new ApiKeyView(key.getId(), key.getName(), key.getOwnerId(), List.copyOf(key.getScopesList()),
				key.getPrefix(), ProtoTime.utc(key.hasCreatedAt(), key.getCreatedAt()),
				ProtoTime.utc(key.hasExpiresAt(), key.getExpiresAt()),
				ProtoTime.utc(key.hasLastUsedAt(), key.getLastUsedAt()),
				ProtoTime.utc(key.hasRevokedAt(), key.getRevokedAt()));
	}

	/**
	 * A key just created, with the secret to send as {@code X-API-Key}; the only time the
	 * secret is shown. The GraphQL type of the same name.
	 *
	 * @param key the key
	 * @param secret the secret
	 */
	record CreatedApiKey(ApiKeyView key, String secret) {

		static CreatedApiKey of(org.convene.core.v1.proto.CreatedApiKey created) {
			return new CreatedApiKey(ApiKeyView.of(created.getKey()), created.getSecret());
		}

	}

}
