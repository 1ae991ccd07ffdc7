package org.convene.core.user;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.ListUsersResponse;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.AppUserRecord;

import static org.convene.schema.core.Tables.APP_USER;

/**
 * Reads users: for other features (whether a user exists, what they may do), and for
 * callers, who see public profiles of anyone and everything of themselves (or, as
 * administrators, of everyone).
 */
@Service
@Transactional(readOnly = true)
public class Users {

	static final int MAX_BATCH = 100;

	private final DSLContext db;

	private final UserRepository users;

	Users(DSLContext db, UserRepository users) {
		this.db = db;
		this.users = users;
	}

	public boolean exists(UUID id) {
		return this.db.fetchExists(APP_USER, APP_USER.ID.eq(id));
	}

	/** The roles of a user and whether the account is active; empty when no such user exists. */
	public Optional<Standing> standing(UUID id) {
		return this.db.select(APP_USER.ROLES, APP_USER.STATUS)
			.from(APP_USER)
			.where(APP_USER.ID.eq(id))
			.fetchOptional(row -> new Standing(Set.of(row.value1()), UserStatus.ACTIVE.name().equals(row.value2())));
	}

	User get(String id) {
		Caller caller = UserRules.reader();
		UUID userId = UserRules.id(id, caller, "id");
		return UserRecords.toProto(this.users.get(userId), UserRules.seesAll(caller, userId));
	}

	/** The users that exist among the ids, each as much as the caller may see. */
	List<User> getAll(List<String> ids) {
		Caller caller = UserRules.reader();
		if (ids.size() > MAX_BATCH) {
			throw ApiException.invalid("ids", "at most " + MAX_BATCH + " ids per call, was " + ids.size());
		}
		Set<UUID> userIds = new LinkedHashSet<>();
		ids.forEach(id -> userIds.add(UserRules.id(id, caller, "ids")));
		return this.db.selectFrom(APP_USER)
			.where(APP_USER.ID.in(userIds))
			.fetch(row -> UserRecords.toProto(row, UserRules.seesAll(caller, row.getId())));
	}

	ListUsersResponse list(ListUsersRequest request) {
		UserRules.administrator(Scopes.USERS_READ);
		PageSpec spec = PageSpec.of(request.getPage(), UserListing.BY_DISPLAY_NAME);
		Page<AppUserRecord> page = Pager.fetch(this.db, APP_USER, UserListing.condition(request),
				UserListing.BY_DISPLAY_NAME, spec);
		return ListUsersResponse.newBuilder()
			.addAllUsers(page.items().stream().map(row -> UserRecords.toProto(row, true)).toList())
			.setPageInfo(page.info())
			.build();
	}

	/**
	 * What a user may do, as stored.
	 * @param roles the user's roles ({@code ADMIN}, {@code ORGANIZER}, ...)
	 * @param active whether the account is active (not disabled)
	 */
	public record Standing(Set<String> roles, boolean active) {

		public Standing {
			roles = Set.copyOf(roles);
		}

		public boolean hasAnyRole(String... candidates) {
			return Arrays.stream(candidates).anyMatch(this.roles::contains);
		}

	}

}
