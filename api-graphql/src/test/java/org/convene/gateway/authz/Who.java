package org.convene.gateway.authz;

/** The kinds of caller every operation is tried with. */
enum Who {

	ANONYMOUS, ATTENDEE, SPEAKER,
	/** An organizer who owns the event (or profile, or key) the operation addresses. */
	OWNER,
	/** An organizer who does not. */
	OTHER_ORGANIZER, ADMIN,
	/** A partner client (client credentials, acting for no user) holding every scope but admin. */
	PARTNER,
	/** A partner client holding only reports:read. */
	PARTNER_WITHOUT_SCOPE,
	/** An API key of the owner, with every scope but admin. */
	API_KEY,
	/** The owner's token, expired. */
	EXPIRED_TOKEN,
	/** A token signed by a key the authorization server never published. */
	UNKNOWN_KEY_TOKEN

}
