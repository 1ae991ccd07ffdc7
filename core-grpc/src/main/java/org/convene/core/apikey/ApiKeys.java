package org.convene.core.apikey;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.ApiKeyAuthenticator;
import org.convene.core.auth.Caller;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.user.Users;
import org.convene.core.v1.proto.ApiKey;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.CreatedApiKey;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.ListApiKeysResponse;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.ApiKeyRecord;

import static org.convene.schema.core.Tables.API_KEY;

/** Creates, lists and revokes API keys. The secret is returned once and stored only as its hash. */
@Service
@Transactional
class ApiKeys {

	static final int MAX_NAME = 200;

	/** Characters of the secret kept in the clear, to recognise a key: {@code cvk_} and 8 more. */
	static final int PREFIX_LENGTH = 12;

	private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	private final Users users;

	ApiKeys(DSLContext db, Users users) {
		this.db = db;
		this.users = users;
	}

	CreatedApiKey create(CreateApiKeyRequest request) {
		Caller caller = RequestContext.current().caller();
		ApiKeyGrants.requireCreator(caller);
		List<FieldViolation> violations = new ArrayList<>();
		String name = request.getName().strip();
		if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
			violations.add(new FieldViolation("name", "is required, 1 to " + MAX_NAME + " characters"));
		}
		List<String> scopes = ApiKeyGrants.scopes(request.getScopesList(), violations);
		Instant expiresAt = request.hasExpiresAt() ? ProtoTime.toInstant(request.getExpiresAt()) : null;
		if (expiresAt != null && (!expiresAt.isAfter(Instant.now()) || expiresAt.isAfter(LATEST))) {
			violations.add(new FieldViolation("expiresAt", "must lie in the future, before the year 10000"));
		}
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		ApiKeyGrants.requireGrantable(caller, scopes);
		UUID owner = ApiKeyGrants.owner(caller, request.getOwnerId(), scopes, this.users);
		String secret = newSecret();
		ApiKeyRecord key = this.db.newRecord(API_KEY);
		key.setId(UUID.randomUUID());
		key.setOwnerId(owner);
		key.setName(name);
		key.setPrefix(secret.substring(0, PREFIX_LENGTH));
		key.setSecretHash(ApiKeyAuthenticator.hash(secret));
		key.setScopes(scopes.toArray(String[]::new));
		key.setCreatedAt(now());
		key.setExpiresAt(expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS));
		key.insert();
		return CreatedApiKey.newBuilder().setKey(ApiKeyRecords.toProto(key)).setSecret(secret).build();
	}

	/** The caller's keys, or for an administrator anyone's; newest first, revoked and expired ones included. */
	@Transactional(readOnly = true)
	ListApiKeysResponse list(ListApiKeysRequest request) {
		Caller caller = RequestContext.current().caller();
		UUID owner;
		if (request.getOwnerId().isEmpty()) {
			owner = caller.requireUser();
		}
		else {
			requireAuthenticated(caller);
			owner = RequestIds.uuid(request.getOwnerId(), "ownerId");
			if (!caller.is(owner) && !caller.isAdmin()) {
				throw Caller.denied("Only administrators can list other users' keys");
			}
		}
		List<ApiKey> keys = this.db.selectFrom(API_KEY)
			.where(API_KEY.OWNER_ID.eq(owner))
			.orderBy(API_KEY.CREATED_AT.desc(), API_KEY.ID.desc())
			.fetch(ApiKeyRecords::toProto);
		return ListApiKeysResponse.newBuilder().addAllKeys(keys).build();
	}

	/** By its owner or an administrator; revoking again keeps the first revocation time. */
	ApiKey revoke(RevokeApiKeyRequest request) {
		Caller caller = RequestContext.current().caller();
		requireAuthenticated(caller);
		UUID id = RequestIds.uuid(request.getId(), "id");
		ApiKeyRecord key = this.db.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).forUpdate().fetchOne();
		if (key == null) {
			throw ApiException.notFound("API key", request.getId(), "id");
		}
		if (!caller.is(key.getOwnerId()) && !caller.isAdmin()) {
			throw Caller.denied("Only the key's owner or an administrator can revoke it");
		}
		if (key.getRevokedAt() == null) {
			key.setRevokedAt(now());
			key.update();
		}
		return ApiKeyRecords.toProto(key);
	}

	private static void requireAuthenticated(Caller caller) {
		if (caller.isAnonymous()) {
			throw Caller.unauthenticated();
		}
	}

	/** {@code cvk_} and 256 random bits, base64url without padding. */
	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return ApiKeyAuthenticator.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
