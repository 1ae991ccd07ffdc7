package org.convene.gateway.authz;

import java.util.EnumMap;
import java.util.Map;

import static org.convene.gateway.authz.Outcome.ALLOWED;
import static org.convene.gateway.authz.Outcome.DENIED;
import static org.convene.gateway.authz.Outcome.HIDDEN;
import static org.convene.gateway.authz.Outcome.UNAUTHENTICATED;
import static org.convene.gateway.authz.Who.ADMIN;
import static org.convene.gateway.authz.Who.ANONYMOUS;
import static org.convene.gateway.authz.Who.API_KEY;
import static org.convene.gateway.authz.Who.ATTENDEE;
import static org.convene.gateway.authz.Who.EXPIRED_TOKEN;
import static org.convene.gateway.authz.Who.OTHER_ORGANIZER;
import static org.convene.gateway.authz.Who.OWNER;
import static org.convene.gateway.authz.Who.PARTNER;
import static org.convene.gateway.authz.Who.PARTNER_WITHOUT_SCOPE;
import static org.convene.gateway.authz.Who.SPEAKER;
import static org.convene.gateway.authz.Who.UNKNOWN_KEY_TOKEN;

/** The expected outcomes, by rule; each operation of the matrix names the rule it follows. */
final class Expect {

	private Expect() {
	}

	/** Everyone may, credentials that are present must be valid and hold the read scope. */
	static Map<Who, Outcome> publicRead() {
		return table(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, DENIED, ALLOWED);
	}

	/** Only organizers (with an API key acting for one) and administrators. */
	static Map<Who, Outcome> organizers() {
		return table(UNAUTHENTICATED, DENIED, DENIED, ALLOWED, ALLOWED, ALLOWED, DENIED, DENIED, ALLOWED);
	}

	/** The owner of a visible resource, or an administrator. */
	static Map<Who, Outcome> owner() {
		return table(UNAUTHENTICATED, DENIED, DENIED, ALLOWED, DENIED, ALLOWED, DENIED, DENIED, ALLOWED);
	}

	/** The owner of a resource others cannot even see (a draft), or an administrator. */
	static Map<Who, Outcome> ownerOfHidden() {
		return table(UNAUTHENTICATED, HIDDEN, HIDDEN, ALLOWED, HIDDEN, ALLOWED, HIDDEN, DENIED, ALLOWED);
	}

	/** Any signed-in user acting for themself (an API key acts for its owner). */
	static Map<Who, Outcome> self() {
		return table(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, DENIED, DENIED, ALLOWED);
	}

	/**
	 * A registration: its attendee, the event's organizer (and the organizer's API key) and
	 * administrators; for anyone else it does not exist.
	 */
	static Map<Who, Outcome> registrant() {
		return table(UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED, HIDDEN, ALLOWED, HIDDEN, DENIED, ALLOWED);
	}

	/** What only the organizer does to a registration; its attendee sees it, others do not. */
	static Map<Who, Outcome> organizerOfRegistration() {
		return table(UNAUTHENTICATED, DENIED, HIDDEN, ALLOWED, HIDDEN, ALLOWED, HIDDEN, DENIED, ALLOWED);
	}

	/** Who may have webhook subscriptions: organizers (and their API keys), administrators, partner clients. */
	static Map<Who, Outcome> subscribers() {
		return table(UNAUTHENTICATED, DENIED, DENIED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, DENIED, ALLOWED);
	}

	/** The owner's webhook subscription: other subscribers do not see it. */
	static Map<Who, Outcome> subscriptionOwner() {
		return table(UNAUTHENTICATED, DENIED, DENIED, ALLOWED, HIDDEN, ALLOWED, HIDDEN, DENIED, ALLOWED);
	}

	/** Administrators only. */
	static Map<Who, Outcome> administrators() {
		return table(UNAUTHENTICATED, DENIED, DENIED, DENIED, DENIED, ALLOWED, DENIED, DENIED, DENIED);
	}

	/** Administrators only, served by the gateway itself, which takes bearer tokens only. */
	static Map<Who, Outcome> administratorsWithBearerTokens() {
		Map<Who, Outcome> expected = administrators();
		expected.put(API_KEY, UNAUTHENTICATED);
		return expected;
	}

	/** Anyone, even without credentials. */
	static Map<Who, Outcome> open() {
		return table(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED);
	}

	/** Convene's own gateway only: nobody here may. */
	static Map<Who, Outcome> internal() {
		return table(UNAUTHENTICATED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED);
	}

	/** Signed-in organizers and administrators themselves: no API key, no client. */
	static Map<Who, Outcome> signedInOrganizers() {
		return table(UNAUTHENTICATED, DENIED, DENIED, ALLOWED, ALLOWED, ALLOWED, DENIED, DENIED, DENIED);
	}

	private static Map<Who, Outcome> table(Outcome anonymous, Outcome attendee, Outcome speaker, Outcome owner,
			Outcome otherOrganizer, Outcome admin, Outcome partner, Outcome partnerWithoutScope, Outcome apiKey) {
		Map<Who, Outcome> expected = new EnumMap<>(Who.class);
		expected.put(ANONYMOUS, anonymous);
		expected.put(ATTENDEE, attendee);
		expected.put(SPEAKER, speaker);
		expected.put(OWNER, owner);
		expected.put(OTHER_ORGANIZER, otherOrganizer);
		expected.put(ADMIN, admin);
		expected.put(PARTNER, partner);
		expected.put(PARTNER_WITHOUT_SCOPE, partnerWithoutScope);
		expected.put(API_KEY, apiKey);
		expected.put(EXPIRED_TOKEN, UNAUTHENTICATED);
		expected.put(UNKNOWN_KEY_TOKEN, UNAUTHENTICATED);
		return expected;
	}

}
