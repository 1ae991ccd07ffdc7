package org.convene.core.registration;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.convene.core.event.EventCapacityRaised;
import org.convene.core.outbox.Outbox;
import org.convene.core.tickettype.TicketTypeQuantityRaised;

/**
 * Gives seats that a raised capacity or quantity adds to the waiting list, in the
 * transaction that raised it.
 */
@Component
class SeatsFreed {

	private final SeatCounters counters;

	private final Waitlist waitlist;

	SeatsFreed(SeatCounters counters, Waitlist waitlist) {
		this.counters = counters;
		this.waitlist = waitlist;
	}

	@EventListener
	void capacityRaised(EventCapacityRaised raised) {
		promote(raised.eventId());
	}

	@EventListener
	void quantityRaised(TicketTypeQuantityRaised raised) {
		promote(raised.eventId());
	}

	private void promote(UUID eventId) {
		Seats seats = this.counters.lockAll(eventId);
		this.waitlist.promote(eventId, seats, Outbox.Origin.current());
		this.counters.write(seats);
	}

}
