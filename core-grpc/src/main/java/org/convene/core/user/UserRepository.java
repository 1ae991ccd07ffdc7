package org.convene.core.user;

import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.AppUserRecord;

import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EXTERNAL_IDENTITY;

/** Reads and writes user rows and the external identities linked to them. */
@Repository
class UserRepository {

	private static final String EMAIL_INDEX = "app_user_email_key";

	private final DSLContext db;

	UserRepository(DSLContext db) {
		this.db = db;
	}

	/** A new, active ATTENDEE without password or speaker profile, not yet stored. */
	AppUserRecord newUser(String email, String displayName) {
		AppUserRecord user = this.db.newRecord(APP_USER);
		user.setId(UUID.randomUUID());
		user.setEmail(email);
		user.setDisplayName(displayName);
		user.setEmailVerified(false);
		user.setRoles(new String[] { Role.ATTENDEE.name() });
		user.setStatus(UserStatus.ACTIVE.name());
		user.setPreferences(JSONB.valueOf("{}"));
		return user;
	}

	AppUserRecord get(UUID id) {
		AppUserRecord user = this.db.fetchOne(APP_USER, APP_USER.ID.eq(id));
		if (user == null) {
			throw ApiException.notFound("user", id.toString(), "id");
		}
		return user;
	}

	/** Reads a user and locks it until the transaction ends. */
	AppUserRecord lock(UUID id) {
		AppUserRecord user = this.db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).forUpdate().fetchOne();
		if (user == null) {
			throw ApiException.notFound("user", id.toString(), "id");
		}
		return user;
	}

	/** The user with this e-mail address, compared case-insensitively, or {@code null}. */
	AppUserRecord findByEmail(String email) {
		return this.db.fetchOne(APP_USER, DSL.lower(APP_USER.EMAIL).eq(DSL.lower(DSL.val(email))));
	}

	/** Like {@link #findByEmail(String)}, locking the user until the transaction ends. */
	AppUserRecord lockByEmail(String email) {
		return this.db.selectFrom(APP_USER)
			.where(DSL.lower(APP_USER.EMAIL).eq(DSL.lower(DSL.val(email))))
			.forUpdate()
			.fetchOne();
	}

	boolean emailTaken(String email) {
		return this.db.fetchExists(APP_USER, DSL.lower(APP_USER.EMAIL).eq(DSL.lower(DSL.val(email))));
	}

	/** The id of the user an external identity is linked to, or {@code null}. */
	UUID linkedUser(String provider, String subject) {
		return this.db.select(EXTERNAL_IDENTITY.USER_ID)
			.from(EXTERNAL_IDENTITY)
			.where(EXTERNAL_IDENTITY.PROVIDER.eq(provider))
			.and(EXTERNAL_IDENTITY.SUBJECT.eq(subject))
			.fetchOne(EXTERNAL_IDENTITY.USER_ID);
	}

	void link(String provider, String subject, UUID userId) {
		this.db.insertInto(EXTERNAL_IDENTITY)
			.set(EXTERNAL_IDENTITY.PROVIDER, provider)
			.set(EXTERNAL_IDENTITY.SUBJECT, subject)
			.set(EXTERNAL_IDENTITY.USER_ID, userId)
			.set(EXTERNAL_IDENTITY.CREATED_AT, UserRecords.now())
			.execute();
	}

	/** Stores a new user; CONFLICT on {@code email} when another user took the address meanwhile. */
	void insert(AppUserRecord user) {
		user.setCreatedAt(UserRecords.now());
		user.setUpdatedAt(user.getCreatedAt());
		user.setVersion(1L);
		try {
			user.insert();
		}
		catch (DuplicateKeyException ex) {
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains(EMAIL_INDEX)) {
				throw UserRules.emailTaken();
			}
			throw ex;
		}
	}

	/** Writes the changed fields and moves the version on. */
	void update(AppUserRecord user) {
		user.setUpdatedAt(UserRecords.now());
		user.setVersion(user.getVersion() + 1);
		user.update();
	}

}
