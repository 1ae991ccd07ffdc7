package org.convene.core.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.v1.proto.User;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.AppUserRecord;

import static org.convene.schema.core.Tables.APP_USER;

/** Reads user profiles. */
@Service
@Transactional(readOnly = true)
public class Users {

	private final DSLContext db;

	Users(DSLContext db) {
		this.db = db;
	}

	public boolean exists(UUID id) {
		return this.db.fetchExists(APP_USER, APP_USER.ID.eq(id));
	}

	User get(String id) {
		AppUserRecord user = this.db.fetchOne(APP_USER, APP_USER.ID.eq(parse(id, "id")));
		if (user == null) {
			throw ApiException.notFound("user", id, "id");
		}
		return toProto(user);
	}

	List<User> getAll(Collection<String> ids) {
		if (ids.size() > 100) {
			throw ApiException.invalid("ids", "at most 100 ids per call");
		}
		List<UUID> uuids = new ArrayList<>();
		ids.forEach(id -> uuids.add(parse(id, "ids")));
		return this.db.selectFrom(APP_USER).where(APP_USER.ID.in(uuids)).fetch(Users::toProto);
	}

	private static User toProto(AppUserRecord user) {
		return User.newBuilder()
			.setId(user.getId().toString())
			.setDisplayName(user.getDisplayName())
			.setEmail(user.getEmail())
			.build();
	}

	private static UUID parse(String id, String field) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "must be a UUID");
		}
	}

}
