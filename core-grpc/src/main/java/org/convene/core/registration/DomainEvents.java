package org.convene.core.registration;

import java.util.UUID;

import org.convene.core.outbox.Outbox;
import org.convene.registration.v1.proto.Registration;

/** The domain events of registrations, as outbox entries carrying the registration after the change. */
final class DomainEvents {

	static final String CREATED = "registration.created";

	static final String CONFIRMED = "registration.confirmed";

	static final String CANCELLED = "registration.cancelled";

	/** Left the waiting list for a seat (then CONFIRMED or PENDING_PAYMENT). */
	static final String PROMOTED = "registration.promoted";

	/** Attendee name, e-mail address or answers changed. */
	static final String UPDATED = "registration.updated";

	static final String AGGREGATE = "registration";

	private DomainEvents() {
	}

	static Outbox.Entry entry(String type, Registration registration, Outbox.Origin origin) {
		return new Outbox.Entry(type, AGGREGATE, UUID.fromString(registration.getId()), registration, origin);
	}

}
