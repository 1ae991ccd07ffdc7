package org.convene.core.user;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserStatus;
import org.convene.core.v1.proto.VerifyPasswordRequest;
import org.convene.core.v1.proto.VerifyPasswordResponse;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.AppUserRecord;

/**
 * What the gateway's sign-in page asks core, with its internal credentials: whether an
 * e-mail address and password belong to an active user, and which user an external
 * OpenID Connect identity is.
 */
@Service
@Transactional
class SignIns {

	static final int MAX_PROVIDER = 500;

	static final int MAX_SUBJECT = 255;

	private final UserRepository users;

	private final Passwords passwords;

	SignIns(UserRepository users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/**
	 * Valid only for an active user with this password. Every other case answers the same
	 * and costs the same one hash, so neither answer nor timing tells what was wrong.
	 */
	@Transactional(readOnly = true)
	VerifyPasswordResponse verifyPassword(VerifyPasswordRequest request) {
		UserRules.caller().require(Scopes.INTERNAL);
		AppUserRecord user = this.users.findByEmail(request.getEmail().strip());
		boolean matches = this.passwords.matches(request.getPassword(), user == null ? null : user.getPasswordHash());
		if (!matches || !UserStatus.ACTIVE.name().equals(user.getStatus())) {
			return VerifyPasswordResponse.newBuilder().setValid(false).build();
		}
		return VerifyPasswordResponse.newBuilder().setValid(true).setUser(UserRecords.toProto(user, true)).build();
	}

	/**
	 * The user of an external identity: the one linked to it before, else the user with its
	 * (verified) e-mail address, else a new ATTENDEE without password. Their address counts
	 * as verified from then on; an account whose address was unverified loses its password. The user is returned whatever its status; the sign-in page
	 * refuses disabled ones.
	 */
	User link(LinkExternalIdentityRequest request) {
		UserRules.caller().require(Scopes.INTERNAL);
		List<FieldViolation> violations = new ArrayList<>();
		String provider = required(request.getProvider(), "provider", MAX_PROVIDER, violations);
		String subject = required(request.getSubject(), "subject", MAX_SUBJECT, violations);
		String email = UserValidation.email(request.getEmail(), "email", violations);
		if (!request.getEmailVerified()) {
			violations.add(new FieldViolation("emailVerified", "the identity provider must have verified the address"));
		}
		UserRules.throwIfAny(violations);
		UUID linked = this.users.linkedUser(provider, subject);
		AppUserRecord user = linked != null ? this.users.lock(linked) : this.users.lockByEmail(email);
		if (user == null) {
			user = this.users.newUser(email, displayName(request.getDisplayName(), email));
			user.setEmailVerified(true);
			this.users.insert(user);
		}
		else if (!user.getEmailVerified()) {
			// Whoever set this account's password never proved they own the address; the
			// provider's user has. The password goes, so a squatter cannot keep a way in.
			user.setEmailVerified(true);
			user.setPasswordHash(null);
			this.users.update(user);
		}
		if (linked == null) {
			this.users.link(provider, subject, user.getId());
		}
		return UserRecords.toProto(user, true);
	}

	private static String required(String value, String field, int max, List<FieldViolation> violations) {
		String text = value.strip();
		if (text.isEmpty() || UserValidation.length(text) > max) {
			violations.add(new FieldViolation(field, "is required, at most " + max + " characters"));
		}
		return text;
	}

	/** The name the provider gave, else the address's local part; cut to the longest allowed. */
	private static String displayName(String given, String email) {
		String name = given.strip().isEmpty() ? email.substring(0, email.indexOf('@')) : given.strip();
		if (UserValidation.length(name) <= UserValidation.MAX_DISPLAY_NAME) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, UserValidation.MAX_DISPLAY_NAME)).strip();
	}

}
