package org.convene.core.apikey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestIds;
import org.convene.core.user.Users;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/**
 * What a new key may grant and whom it may act for. A key never grants more than the
 * credential that created it: only scopes the creator's own token holds, {@code admin}
 * only from an administrator, and it acts for an active ORGANIZER or ADMIN.
 */
final class ApiKeyGrants {

	static final Set<String> OWNER_ROLES = Set.of("ORGANIZER", "ADMIN");

	private ApiKeyGrants() {
	}

	/** Only a signed-in user's own token creates keys; API keys and client credentials cannot. */
	static void requireCreator(Caller caller) {
		if (caller.isAnonymous()) {
			throw Caller.unauthenticated();
		}
		if (caller.kind() != Caller.Kind.USER) {
			throw Caller.denied("Only a signed-in user can create API keys; API keys and client credentials cannot");
		}
		if (OWNER_ROLES.stream().noneMatch(caller::hasRole)) {
			throw Caller.denied("API keys are for organizers and administrators");
		}
	}

	/** The known scopes requested, without duplicates; unknown ones are violations. */
	static List<String> scopes(List<String> requested, List<FieldViolation> violations) {
		if (requested.isEmpty()) {
			violations.add(new FieldViolation("scopes", "give at least one scope"));
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String scope = requested.get(i).strip();
			if (Scopes.ALL.contains(scope)) {
				scopes.add(scope);
			}
			else {
				violations.add(new FieldViolation("scopes[" + i + "]", "'" + scope + "' is not a scope; use one of " + Scopes.ALL));
			}
		}
		return List.copyOf(scopes);
	}

	/** PERMISSION_DENIED for a scope the caller's credential does not hold, or {@code admin} from a non-administrator. */
	static void requireGrantable(Caller caller, List<String> scopes) {
		for (String scope : scopes) {
			if (!caller.hasScope(scope)) {
				throw Caller.denied("A key cannot grant the scope '" + scope + "', which your credentials do not hold");
			}
			if (Scopes.ADMIN.equals(scope) && !caller.isAdmin()) {
				throw Caller.denied("Only administrators can create keys with the scope 'admin'");
			}
		}
	}

	/**
	 * The key's owner: the caller, or for an administrator anyone named; it must be an active
	 * ORGANIZER or ADMIN, and only an ADMIN's key may hold {@code admin} (a key must not gain
	 * powers later, when its owner is promoted).
	 */
	static UUID owner(Caller caller, String ownerId, List<String> scopes, Users users) {
		UUID self = caller.requireUser();
		UUID owner = ownerId.isEmpty() ? self : RequestIds.uuid(ownerId, "ownerId");
		if (!owner.equals(self) && !caller.isAdmin()) {
			throw Caller.denied("Only administrators can create keys for other users");
		}
		Users.Standing standing = users.standing(owner)
			.orElseThrow(() -> ApiException.notFound("user", owner.toString(), "ownerId"));
		if (!standing.active() || !standing.hasAnyRole(OWNER_ROLES.toArray(String[]::new))) {
			throw owner.equals(self) ? Caller.denied("API keys are for active organizers and administrators")
					: ApiException.invalid("ownerId", "must be an active ORGANIZER or ADMIN");
		}
		if (scopes.contains(Scopes.ADMIN) && !standing.hasAnyRole("ADMIN")) {
			throw ApiException.invalid("scopes", "the scope 'admin' is only for keys of administrators");
		}
		return owner;
	}

}
