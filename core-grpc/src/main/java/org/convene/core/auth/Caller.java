package org.convene.core.auth;

import java.util.Set;
import java.util.UUID;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * Who is making a call, established from its credentials.
 *
 * @param kind how the caller authenticated
 * @param subject who the credentials name: a user id, a client id or an API key id
 * @param userId the user the call acts for, or {@code null} (anonymous, or a client of its own)
 * @param clientId the OAuth client or API key the call came through, or {@code null}
 * @param roles the acting user's roles ({@code ADMIN}, {@code ORGANIZER}, ...)
 * @param scopes the scopes the credentials grant
 */
public record Caller(Kind kind, String subject, UUID userId, String clientId, Set<String> roles, Set<String> scopes) {

	/** How a caller authenticated. */
	public enum Kind {

		/** No credentials. */
		ANONYMOUS,
		/** A token issued to a client for a signed-in user. */
		USER,
		/** A client-credentials token: a partner or internal service, possibly acting for an owner user. */
		CLIENT,
		/** An API key, acting for the user who created it. */
		API_KEY,
		/** core's own background work. */
		SYSTEM

	}

	public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, "anonymous", null, null, Set.of(), Set.of());

	public static final Caller SYSTEM = new Caller(Kind.SYSTEM, "system", null, null, Set.of(), Set.of());

	public Caller {
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	public boolean isAnonymous() {
		return this.kind == Kind.ANONYMOUS;
	}

	public boolean hasScope(String scope) {
		return this.kind == Kind.SYSTEM || this.scopes.contains(scope);
	}

	/**
	 * Administrative powers need the {@code admin} scope and, when acting for a user, that
	 * user's ADMIN role: an administrator's token for an app granted fewer scopes is not an
	 * administrator's.
	 */
	public boolean isAdmin() {
		if (this.kind == Kind.SYSTEM) {
			return true;
		}
		return this.scopes.contains(Scopes.ADMIN) && (this.userId == null ? this.kind == Kind.CLIENT : this.roles.contains("ADMIN"));
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/** Whether the call acts for this user. */
	public boolean is(UUID user) {
		return this.userId != null && this.userId.equals(user);
	}

	/** Fails unless the credentials grant the scope: UNAUTHENTICATED without credentials, PERMISSION_DENIED with. */
	public Caller require(String scope) {
		if (!hasScope(scope)) {
			throw isAnonymous() ? unauthenticated() : denied("This operation needs the scope '" + scope + "'");
		}
		return this;
	}

	/** The user the call acts for; UNAUTHENTICATED or PERMISSION_DENIED when it acts for none. */
	public UUID requireUser() {
		if (this.userId == null) {
			throw isAnonymous() ? unauthenticated() : denied("This operation acts for a user; these credentials act for none");
		}
		return this.userId;
	}

	/** How the caller appears in audit and outbox records. */
	public String describe() {
		return switch (this.kind) {
			case ANONYMOUS, SYSTEM -> this.subject;
			case USER -> "user:" + this.subject;
			case CLIENT -> "client:" + this.subject;
			case API_KEY -> "apikey:" + this.subject;
		};
	}

	public static ApiException unauthenticated() {
		return ApiException.of(ErrorCode.UNAUTHENTICATED, "Authentication is required",
				"Send a bearer token (Authorization: Bearer ...) or an API key (X-API-Key)", "Authorization");
	}

	public static ApiException denied(String details) {
		return ApiException.of(ErrorCode.PERMISSION_DENIED, "This operation is not allowed", details, null);
	}

}
