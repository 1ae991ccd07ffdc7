package org.convene.core.grpc;

import java.util.Set;

/**
 * Who is making a call, as established from the credentials in its metadata.
 *
 * @param subject the user id or client id the credentials name; empty when anonymous
 * @param clientId the OAuth client or API key the call came through; empty when none
 * @param roles the user's roles
 * @param scopes the scopes granted to the credentials
 */
public record Caller(String subject, String clientId, Set<String> roles, Set<String> scopes) {

	public static final Caller ANONYMOUS = new Caller("", "", Set.of(), Set.of());

	/** Core's own background work, such as completing ended events. */
	public static final Caller SYSTEM = new Caller("system", "", Set.of(), Set.of());

	public Caller {
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	public boolean isAnonymous() {
		return this.subject.isEmpty();
	}

	/** How the caller appears in audit and outbox records. */
	public String describe() {
		return isAnonymous() ? "anonymous" : this.subject;
	}

}
