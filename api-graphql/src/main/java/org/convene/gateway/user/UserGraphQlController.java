package org.convene.gateway.user;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.ListUsersResponse;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;

/** The {@code User} type and its queries and mutations. */
@Controller
class UserGraphQlController {

	private final UserServiceBlockingStub users;

	UserGraphQlController(UserServiceBlockingStub users) {
		this.users = users;
	}

	@QueryMapping
	UserView me() {
		return get("me");
	}

	@QueryMapping
	UserView user(@Argument String id) {
		return get(id);
	}

	@QueryMapping
	UserConnection users(@Argument String query, @Argument String role, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		ListUsersResponse response = this.users.listUsers(UserInputs.list(query, role)
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build());
		long total = response.getPageInfo().getTotalSize();
		return new UserConnection(response.getUsersList().stream().map(UserView::of).toList(),
				Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	@MutationMapping
	Object signUp(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.users.signUp(UserInputs.signUp(input))));
	}

	@MutationMapping
	Object updateProfile(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		Object expectedVersion = fields.remove("expectedVersion");
		return UserErrors.orUserError(() -> result(this.users.updateProfile(UserInputs.update(id, fields,
				expectedVersion == null ? 0 : ((Number) expectedVersion).longValue()))));
	}

	@MutationMapping
	Object changePassword(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> {
			this.users.changePassword(UserInputs.changePassword(input));
			return new PasswordChanged(true);
		});
	}

	@MutationMapping
	Object setRoles(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		return UserErrors.orUserError(() -> result(this.users.setRoles(UserInputs.roles(id, fields))));
	}

	@MutationMapping
	Object setUserStatus(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		return UserErrors.orUserError(() -> result(this.users.setUserStatus(UserInputs.status(id, fields))));
	}

	private UserView get(String id) {
		return UserView.of(this.users.getUser(GetUserRequest.newBuilder().setId(id).build()));
	}

	private static UserResult result(User user) {
		return new UserResult(UserView.of(user));
	}

	/** The user a mutation produced. */
	record UserResult(UserView user) {
	}

	/** The caller's password was replaced. */
	record PasswordChanged(boolean changed) {
	}

}
