package org.convene.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

import static org.convene.schema.core.Tables.API_KEY;
import static org.convene.schema.core.Tables.APP_USER;

/** Authenticates API keys: a key that exists, is neither revoked nor expired, of an active owner. */
@Component
public class ApiKeyAuthenticator {

	/** Every key starts with this, so leaked keys are easy to recognise. */
	public static final String PREFIX = "cvk_";

	private final DSLContext db;

	ApiKeyAuthenticator(DSLContext db) {
		this.db = db;
	}

	Caller authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 100) {
			throw invalid();
		}
		var key = this.db.select(API_KEY.ID, API_KEY.OWNER_ID, API_KEY.SCOPES, API_KEY.EXPIRES_AT, API_KEY.REVOKED_AT,
				API_KEY.LAST_USED_AT, APP_USER.ROLES, APP_USER.STATUS)
			.from(API_KEY)
			.join(APP_USER)
			.on(APP_USER.ID.eq(API_KEY.OWNER_ID))
			.where(API_KEY.SECRET_HASH.eq(hash(secret)))
			.fetchOne();
		Instant now = Instant.now();
		if (key == null || key.value5() != null || (key.value4() != null && !key.value4().isAfter(now))
				|| !"ACTIVE".equals(key.value8())) {
			throw invalid();
		}
		if (key.value6() == null || key.value6().isBefore(now.minus(1, ChronoUnit.MINUTES))) {
			this.db.update(API_KEY).set(API_KEY.LAST_USED_AT, DSL.currentInstant()).where(API_KEY.ID.eq(key.value1())).execute();
		}
		return new Caller(Caller.Kind.API_KEY, key.value1().toString(), key.value2(), "apikey:" + key.value1(),
				Set.of(key.value7()), Set.copyOf(Arrays.asList(key.value3())));
	}

	/** The stored form of a secret. */
	public static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApiException invalid() {
		return ApiException.of(ErrorCode.UNAUTHENTICATED, "The API key is not valid",
				"The key is unknown, revoked or expired, or its owner is disabled", "X-API-Key");
	}

}
