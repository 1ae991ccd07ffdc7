package org.convene.gateway.user;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.web.Etags;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.ListUsersResponse;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiException;

/**
 * The Users API under {@code /api/v1/users}. The id {@code me} names the caller. What each
 * caller may see and change is decided by core.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = "application/json")
@Tag(name = "Users", description = "Accounts, profiles, roles and status")
class UserRestController {

	private static final Set<String> LIST_PARAMETERS = Set.of("q", "role", "page", "pageSize", "limit", "offset",
			"cursor");

	private final UserServiceBlockingStub users;

	UserRestController(UserServiceBlockingStub users) {
		this.users = users;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Sign up", description = "Opens an account with a password; open to anonymous callers. "
			+ "Body: email, password (12 to 128 characters), displayName, preferences. 409 when the e-mail is taken.")
	ResponseEntity<UserView> signUp(@RequestBody Map<String, Object> body) {
		UserView user = UserView.of(this.users.signUp(UserInputs.signUp(body)));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).eTag(user.etag()).body(user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a user", description = "id is a UUID or me. Others see the public profile only. "
			+ "Answers 304 when If-None-Match holds the current ETag.")
	ResponseEntity<UserView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		UserView user = UserView.of(this.users.getUser(GetUserRequest.newBuilder().setId(id).build()));
		if (user.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(user.etag()).build();
		}
		return ResponseEntity.ok().eTag(user.etag()).body(user);
	}

	@GetMapping
	@Operation(summary = "List users", description = "For administrators. Filters: q (part of the e-mail address "
			+ "or display name), role; sorted by display name; paging: page+pageSize, limit+offset or cursor "
			+ "(at most 100 per page).")
	ResponseEntity<Page<UserView>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!LIST_PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: "
						+ String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
			}
		}
		PageParams params = PageParams.from(query);
		ListUsersResponse response = this.users
			.listUsers(UserInputs.list(query.getFirst("q"), query.getFirst("role")).setPage(params.toRequest()).build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<UserView> data = response.getUsersList().stream().map(UserView::of).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a profile", description = "JSON merge patch of displayName, preferences and "
			+ "speakerProfile: fields given are replaced whole, null clears. The user themself or an administrator. "
			+ "If-Match makes it conditional (412 when stale).")
	ResponseEntity<UserView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.users.updateProfile(UserInputs.update(id, body, Etags.version(ifMatch))));
	}

	@PostMapping(path = "/me/password", consumes = "application/json")
	@Operation(summary = "Change the caller's password", description = "Body: currentPassword, newPassword "
			+ "(12 to 128 characters). Answers 204.")
	ResponseEntity<Void> changePassword(@RequestBody Map<String, Object> body) {
		this.users.changePassword(UserInputs.changePassword(body));
		return ResponseEntity.noContent().build();
	}

	@PutMapping(path = "/{id}/roles", consumes = "application/json")
	@Operation(summary = "Replace a user's roles", description = "Administrators only. Body: {\"roles\": "
			+ "[\"ORGANIZER\", ...]} of ADMIN, ORGANIZER, SPEAKER, ATTENDEE.")
	ResponseEntity<UserView> setRoles(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return ok(this.users.setRoles(UserInputs.roles(id, body)));
	}

	@PutMapping(path = "/{id}/status", consumes = "application/json")
	@Operation(summary = "Enable or disable an account", description = "Administrators only. Body: "
			+ "{\"status\": \"ACTIVE\"} or {\"status\": \"DISABLED\"}.")
	ResponseEntity<UserView> setStatus(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return ok(this.users.setUserStatus(UserInputs.status(id, body)));
	}

	private static ResponseEntity<UserView> ok(User user) {
		UserView view = UserView.of(user);
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

}
