package org.convene.core.registration;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.convene.core.event.EventCancelled;
import org.convene.core.outbox.Outbox;

/**
 * Ends the registrations of a cancelled event in the transaction that cancels it: pending,
 * confirmed and waitlisted ones are cancelled (each recorded as registration.cancelled, so
 * their tickets are revoked and attendees can be told), holds are released, and nobody is
 * promoted. Admissions already made stay.
 */
@Component
class EventCancellations {

	private final RegistrationRepository registrations;

	private final Cancellations cancellations;

	EventCancellations(RegistrationRepository registrations, Cancellations cancellations) {
		this.registrations = registrations;
		this.cancellations = cancellations;
	}

	@EventListener
	void eventCancelled(EventCancelled cancelled) {
		var open = this.registrations.lockOpen(cancelled.eventId());
		if (!open.isEmpty()) {
			this.cancellations.cancel(cancelled.eventId(), open, "Event cancelled: " + cancelled.reason(),
					Outbox.Origin.current());
		}
	}

}
