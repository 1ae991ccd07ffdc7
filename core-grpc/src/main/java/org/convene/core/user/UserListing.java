package org.convene.core.user;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.convene.core.paging.Keyset;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.Role;
import org.convene.grpc.ApiException;

import static org.convene.schema.core.Tables.APP_USER;

/** Turns a user list request's filter into SQL; users are listed by display name. */
final class UserListing {

	static final int MAX_QUERY = 200;

	static final Keyset<String> BY_DISPLAY_NAME = new Keyset<>("DISPLAY_NAME:asc", APP_USER.DISPLAY_NAME, APP_USER.ID,
			false, name -> name, name -> name);

	private UserListing() {
	}

	static Condition condition(ListUsersRequest request) {
		List<Condition> conditions = new ArrayList<>();
		String query = request.getQuery().strip();
		if (UserValidation.length(query) > MAX_QUERY) {
			throw ApiException.invalid("query", "must be at most " + MAX_QUERY + " characters");
		}
		if (!query.isEmpty()) {
			conditions.add(APP_USER.EMAIL.containsIgnoreCase(query).or(APP_USER.DISPLAY_NAME.containsIgnoreCase(query)));
		}
		Role role = request.getRole();
		if (role == Role.UNRECOGNIZED) {
			throw ApiException.invalid("role", "must be ADMIN, ORGANIZER, SPEAKER or ATTENDEE");
		}
		if (role != Role.ROLE_UNSPECIFIED) {
			conditions.add(APP_USER.ROLES.contains(new String[] { role.name() }));
		}
		return DSL.and(conditions);
	}

}
