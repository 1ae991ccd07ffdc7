package org.convene.core.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.outbox.Outbox;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * Cancels registrations of one event: their seats return and go to the waiting list in the
 * same transaction. Registrations that held no seat (waitlisted) free none, and their
 * cancellation locks no counter.
 */
@Component
class Cancellations {

	private final RegistrationRepository registrations;

	private final SeatCounters counters;

	private final Waitlist waitlist;

	private final Outbox outbox;

	Cancellations(RegistrationRepository registrations, SeatCounters counters, Waitlist waitlist, Outbox outbox) {
		this.registrations = registrations;
		this.counters = counters;
		this.waitlist = waitlist;
		this.outbox = outbox;
	}

	/** Cancels locked rows of the event, which must not be cancelled or checked in already. */
	List<Registration> cancel(UUID eventId, List<RegistrationRecord> rows, String reason, Outbox.Origin origin) {
		boolean seatsReturn = rows.stream().anyMatch(Cancellations::holdsSeat);
		Seats seats = seatsReturn ? this.counters.lockAll(eventId) : null;
		Instant now = RegistrationRecords.now();
		List<Registration> cancelled = new ArrayList<>();
		for (RegistrationRecord row : rows) {
			if (holdsSeat(row)) {
				seats.release(row.getTicketTypeId());
			}
			row.setStatus("CANCELLED");
			row.setCancellationReason(reason);
			row.setCancelledAt(now);
			row.setHoldExpiresAt(null);
			row.setWaitlistSeq(null);
			this.registrations.update(row, now);
			cancelled.add(RegistrationRecords.toProto(row, 0));
		}
		this.outbox.recordAll(cancelled.stream().map(r -> DomainEvents.entry(DomainEvents.CANCELLED, r, origin)).toList());
		if (seatsReturn) {
			this.waitlist.promote(eventId, seats, origin);
			this.counters.write(seats);
		}
		return cancelled;
	}

	static boolean holdsSeat(RegistrationRecord row) {
		return "PENDING_PAYMENT".equals(row.getStatus()) || "CONFIRMED".equals(row.getStatus());
	}

}
