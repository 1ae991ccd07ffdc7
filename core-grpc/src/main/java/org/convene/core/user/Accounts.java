package org.convene.core.user;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.ChangePasswordRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.User;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.AppUserRecord;

/** Opens accounts with a password, and changes passwords. */
@Service
@Transactional
class Accounts {

	private final UserRepository users;

	private final Passwords passwords;

	Accounts(UserRepository users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/** Open to anyone: a new, active ATTENDEE whose e-mail address is not yet verified. */
	User signUp(SignUpRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		String email = UserValidation.email(request.getEmail(), "email", violations);
		UserValidation.password(request.getPassword(), "password", violations);
		String displayName = UserValidation.displayName(request.getDisplayName(), "displayName", violations);
		var preferences = UserValidation.preferences(request.getPreferences(), violations);
		UserRules.throwIfAny(violations);
		if (this.users.emailTaken(email)) {
			throw UserRules.emailTaken();
		}
		AppUserRecord user = this.users.newUser(email, displayName);
		user.setPasswordHash(this.passwords.hash(request.getPassword()));
		user.setPreferences(UserRecords.json(preferences));
		this.users.insert(user);
		return UserRecords.toProto(user, true);
	}

	/** The caller's own password, after checking the current one. */
	void changePassword(ChangePasswordRequest request) {
		UUID userId = UserRules.caller().require(Scopes.USERS_WRITE).requireUser();
		List<FieldViolation> violations = new ArrayList<>();
		UserValidation.password(request.getNewPassword(), "newPassword", violations);
		AppUserRecord user = this.users.lock(userId);
		if (!this.passwords.matches(request.getCurrentPassword(), user.getPasswordHash())) {
			violations.add(0, new FieldViolation("currentPassword", "is not the current password"));
		}
		UserRules.throwIfAny(violations);
		user.setPasswordHash(this.passwords.hash(request.getNewPassword()));
		this.users.update(user);
	}

}
