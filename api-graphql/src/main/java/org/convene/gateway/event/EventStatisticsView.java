package org.convene.gateway.event;

import org.convene.core.v1.proto.EventStatistics;

/** Registration counts of an event; {@code capacity} and {@code capacityRemaining} are null when unlimited. */
public record EventStatisticsView(String eventId, Integer capacity, long pendingPayment, long confirmed,
		long waitlisted, long cancelled, long checkedIn, long seatsTaken, Long capacityRemaining, long subEventCount) {

	static EventStatisticsView of(EventStatistics statistics) {
		return new EventStatisticsView(statistics.getEventId(), statistics.hasCapacity() ? statistics.getCapacity() : null,
				statistics.getPendingPayment(), statistics.getConfirmed(), statistics.getWaitlisted(),
				statistics.getCancelled(), statistics.getCheckedIn(), statistics.getSeatsTaken(),
				statistics.hasCapacityRemaining() ? statistics.getCapacityRemaining() : null,
				statistics.getSubEventCount());
	}

}
