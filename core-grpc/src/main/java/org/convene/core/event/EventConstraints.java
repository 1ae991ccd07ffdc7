package org.convene.core.event;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import org.convene.core.user.Users;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;

/**
 * Everything an event must satisfy before it is written: its field rules, an organizer
 * that exists, and time containment between a parent event and its sub-events.
 */
@Component
class EventConstraints {

	private final EventRepository events;

	private final Users users;

	EventConstraints(EventRepository events, Users users) {
		this.events = events;
		this.users = users;
	}

	void check(EventRecord event, List<FieldViolation> violations) {
		EventValidation.check(event, violations);
		checkSeats(event, violations);
		if (event.getOrganizerId() != null && !this.users.exists(event.getOrganizerId())) {
			violations.add(new FieldViolation("organizerId", "no user with this id exists"));
		}
		if (event.getStartsAt() == null || event.getEndsAt() == null) {
			return;
		}
		if (event.getParentId() != null) {
			EventRules.checkWithinParent(event, this.events.get(event.getParentId()), violations);
		}
		Instant[] span = event.getId() == null ? null : this.events.subEventSpan(event.getId());
		if (span != null && (span[0].isBefore(event.getStartsAt()) || span[1].isAfter(event.getEndsAt()))) {
			violations.add(new FieldViolation("startsAt",
					"the event must still contain its sub-events (" + span[0] + " to " + span[1] + ")"));
		}
	}

	/** The seat counter's CHECK would refuse a capacity below the seats taken; say so clearly instead. */
	private void checkSeats(EventRecord event, List<FieldViolation> violations) {
		if (event.getId() == null || event.getCapacity() == null || !event.changed(EVENT.CAPACITY)) {
			return;
		}
		int taken = this.events.lockSeatsTaken(event.getId());
		if (taken > 0 && event.getCapacity() < taken) {
			violations.add(new FieldViolation("capacity",
					"cannot be lower than the " + taken + " seats registrations already hold"));
		}
	}

}
