package org.convene.core.auth;

import java.util.List;

/** The OAuth scopes Convene grants. Each operation names the scope it needs. */
public final class Scopes {

	public static final String EVENTS_READ = "events:read";

	public static final String EVENTS_WRITE = "events:write";

	public static final String REGISTRATIONS_READ = "registrations:read";

	public static final String REGISTRATIONS_WRITE = "registrations:write";

	public static final String SESSIONS_READ = "sessions:read";

	public static final String SESSIONS_WRITE = "sessions:write";

	public static final String USERS_READ = "users:read";

	public static final String USERS_WRITE = "users:write";

	public static final String PAYMENTS_READ = "payments:read";

	public static final String PAYMENTS_WRITE = "payments:write";

	public static final String CHECKIN_WRITE = "checkin:write";

	public static final String WEBHOOKS_MANAGE = "webhooks:manage";

	public static final String REPORTS_READ = "reports:read";

	/** Administrative powers, for users with the ADMIN role and internal service clients. */
	public static final String ADMIN = "admin";

	/** Convene's own gateway calling core on behalf of the sign-in page; granted to no one else. */
	public static final String INTERNAL = "internal";

	/** Every scope a client or key may be granted. */
	public static final List<String> ALL = List.of(EVENTS_READ, EVENTS_WRITE, REGISTRATIONS_READ, REGISTRATIONS_WRITE,
			SESSIONS_READ, SESSIONS_WRITE, USERS_READ, USERS_WRITE, PAYMENTS_READ, PAYMENTS_WRITE, CHECKIN_WRITE,
			WEBHOOKS_MANAGE, REPORTS_READ, ADMIN);

	private Scopes() {
	}

}
