package org.convene.core.user;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SetUserStatusRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.AppUserRecord;

/**
 * What administrators do to accounts: grant roles, enable and disable. An administrator
 * cannot lock themself out: they keep their ADMIN role and stay enabled.
 */
@Service
@Transactional
class Administration {

	private final UserRepository users;

	Administration(UserRepository users) {
		this.users = users;
	}

	User setRoles(SetRolesRequest request) {
		Caller caller = UserRules.administrator(Scopes.USERS_WRITE);
		UUID userId = UserRules.id(request.getId(), caller, "id");
		if (request.getRolesCount() == 0) {
			throw ApiException.invalid("roles", "give at least one role");
		}
		if (request.getRolesList().stream().anyMatch(r -> r == Role.ROLE_UNSPECIFIED || r == Role.UNRECOGNIZED)) {
			throw ApiException.invalid("roles", "must be ADMIN, ORGANIZER, SPEAKER or ATTENDEE");
		}
		if (caller.is(userId) && !request.getRolesList().contains(Role.ADMIN)) {
			throw ApiException.invalid("roles", "administrators cannot remove the ADMIN role from themselves");
		}
		AppUserRecord user = this.users.lock(userId);
		String[] roles = UserRecords.roleNames(request.getRolesList());
		if (!Arrays.equals(roles, UserRecords.roleNames(UserRecords.roles(user.getRoles())))) {
			user.setRoles(roles);
			this.users.update(user);
		}
		return UserRecords.toProto(user, true);
	}

	User setStatus(SetUserStatusRequest request) {
		Caller caller = UserRules.administrator(Scopes.USERS_WRITE);
		UUID userId = UserRules.id(request.getId(), caller, "id");
		UserStatus status = request.getStatus();
		if (status != UserStatus.ACTIVE && status != UserStatus.DISABLED) {
			throw ApiException.invalid("status", "must be ACTIVE or DISABLED");
		}
		if (caller.is(userId) && status == UserStatus.DISABLED) {
			throw ApiException.invalid("status", "administrators cannot disable themselves");
		}
		AppUserRecord user = this.users.lock(userId);
		if (!status.name().equals(user.getStatus())) {
			user.setStatus(status.name());
			this.users.update(user);
		}
		return UserRecords.toProto(user, true);
	}

}
