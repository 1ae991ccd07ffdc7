package org.convene.gateway.event;

import java.util.List;

import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.MoneyTotal;
import org.convene.core.v1.proto.TicketTypeStatistics;

/**
 * Registration counts of an event; {@code capacity} and {@code capacityRemaining} are null when unlimited.
 *
 * @param byTicketType the same counts per ticket type
 * @param checkInRate checked in / (confirmed + checked in)
 * @param revenueBooked prices of seat-holding registrations, per currency
 */
public record EventStatisticsView(String eventId, Integer capacity, long pendingPayment, long confirmed,
		long waitlisted, long cancelled, long checkedIn, long seatsTaken, Long capacityRemaining, long subEventCount,
		List<TicketTypeCounts> byTicketType, double checkInRate, List<Amount> revenueBooked) {

	static EventStatisticsView of(EventStatistics statistics) {
		return new EventStatisticsView(statistics.getEventId(), statistics.hasCapacity() ? statistics.getCapacity() : null,
				statistics.getPendingPayment(), statistics.getConfirmed(), statistics.getWaitlisted(),
				statistics.getCancelled(), statistics.getCheckedIn(), statistics.getSeatsTaken(),
				statistics.hasCapacityRemaining() ? statistics.getCapacityRemaining() : null,
				statistics.getSubEventCount(),
				statistics.getByTicketTypeList().stream().map(TicketTypeCounts::of).toList(), statistics.getCheckInRate(),
				statistics.getRevenueBookedList().stream().map(Amount::of).toList());
	}

	/** Counts of one ticket type; {@code quantity} and {@code remaining} are null when unlimited. */
	public record TicketTypeCounts(String ticketTypeId, String name, Integer quantity, long pendingPayment,
			long confirmed, long waitlisted, long cancelled, long checkedIn, Long remaining) {

		static TicketTypeCounts of(TicketTypeStatistics counts) {
			return new TicketTypeCounts(counts.getTicketTypeId(), counts.getName(),
					counts.hasQuantity() ? counts.getQuantity() : null, counts.getPendingPayment(), counts.getConfirmed(),
					counts.getWaitlisted(), counts.getCancelled(), counts.getCheckedIn(),
					counts.hasRemaining() ? counts.getRemaining() : null);
		}

	}

	/** A sum of money in minor units of one ISO 4217 currency. */
	public record Amount(long amount, String currency) {

		static Amount of(MoneyTotal total) {
			return new Amount(total.getAmount(), total.getCurrency());
		}

	}

}
