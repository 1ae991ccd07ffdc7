package org.convene.core.user;

import java.util.List;
import java.util.UUID;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/** Who may do what with users, and checks shared by every change of a user. */
final class UserRules {

	/** The id that names the caller's own user. */
	static final String ME = "me";

	private UserRules() {
	}

	static Caller caller() {
		return RequestContext.current().caller();
	}

	/** The caller, when it may read users: anyone anonymous (public profiles), otherwise with the scope. */
	static Caller reader() {
		Caller caller = caller();
		return caller.isAnonymous() ? caller : caller.require(Scopes.USERS_READ);
	}

	/** The caller, when it holds the scope and administrative powers. */
	static Caller administrator(String scope) {
		Caller caller = caller().require(scope);
		if (!caller.isAdmin()) {
			throw Caller.denied("Only administrators may do this");
		}
		return caller;
	}

	/** Whether the caller sees everything about the user: it is that user, or an administrator. */
	static boolean seesAll(Caller caller, UUID user) {
		return caller.is(user) || caller.isAdmin();
	}

	/** A user id: a UUID, or {@code me} for the caller's own. */
	static UUID id(String value, Caller caller, String field) {
		if (ME.equals(value)) {
			return caller.requireUser();
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "must be a UUID or \"me\"");
		}
	}

	static ApiException emailTaken() {
		return ApiException.of(ErrorCode.CONFLICT, "The e-mail address is already registered",
				"Sign in with it, or use another address", "email");
	}

	static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

}
