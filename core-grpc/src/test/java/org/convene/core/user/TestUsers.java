package org.convene.core.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;

import static org.convene.schema.core.Tables.APP_USER;

/**
 * Users for tests, signed up through the API. Every test class shares one database, so each
 * user gets an e-mail address of its own.
 */
public final class TestUsers {

	public static final String PASSWORD = "correct horse battery staple";

	private TestUsers() {
	}

	/** An address no other test uses, recognisable by the name in it. */
	public static String uniqueEmail(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID() + "@example.test";
	}

	/** Signs up a user with {@link #PASSWORD} and a unique address, anonymously. */
	public static User signUp(UserServiceBlockingStub users, String name) {
		return users.signUp(SignUpRequest.newBuilder()
			.setEmail(uniqueEmail(name))
			.setPassword(PASSWORD)
			.setDisplayName(name)
			.build());
	}

	/** Replaces the user's roles directly in the database. */
	public static void grant(DSLContext db, String userId, Role... roles) {
		db.update(APP_USER)
			.set(APP_USER.ROLES, Arrays.stream(roles).map(Role::name).toArray(String[]::new))
			.where(APP_USER.ID.eq(UUID.fromString(userId)))
			.execute();
	}

	/** Role names, as a token carries them. */
	public static Set<String> names(Role... roles) {
		return Arrays.stream(roles).map(Role::name).collect(Collectors.toSet());
	}

}
