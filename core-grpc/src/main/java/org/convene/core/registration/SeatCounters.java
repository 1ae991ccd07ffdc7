package org.convene.core.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static org.convene.schema.core.Tables.SEAT_COUNTER;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/**
 * Locks and writes seat counters. Every transaction that takes or returns seats locks the
 * event's counter first and then ticket type counters in id order, so two of them never
 * wait for each other in a cycle; the event's counter serialises them per event.
 */
@Repository
class SeatCounters {

	private final DSLContext db;

	SeatCounters(DSLContext db) {
		this.db = db;
	}

	/** Locks the event's counter and those of the given ticket types. */
	Seats lock(UUID eventId, Collection<UUID> ticketTypeIds) {
		Map<UUID, Integer> capacities = new HashMap<>();
		Map<UUID, Integer> taken = new HashMap<>();
		read(SEAT_COUNTER.ID.eq(eventId), capacities, taken);
		read(SEAT_COUNTER.ID.in(new TreeSet<>(ticketTypeIds)), capacities, taken);
		return new Seats(eventId, capacities, taken);
	}

	/**
	 * Locks the event's counter and those of all its ticket types, as promoting from the
	 * waiting list needs. The ticket types are read once the event's counter is held, so
	 * none can gain registrations unseen.
	 */
	Seats lockAll(UUID eventId) {
		Map<UUID, Integer> capacities = new HashMap<>();
		Map<UUID, Integer> taken = new HashMap<>();
		read(SEAT_COUNTER.ID.eq(eventId), capacities, taken);
		read(SEAT_COUNTER.ID.in(this.db.select(TICKET_TYPE.ID).from(TICKET_TYPE).where(TICKET_TYPE.EVENT_ID.eq(eventId))),
				capacities, taken);
		return new Seats(eventId, capacities, taken);
	}

	private void read(Condition which, Map<UUID, Integer> capacities, Map<UUID, Integer> taken) {
		this.db.selectFrom(SEAT_COUNTER).where(which).orderBy(SEAT_COUNTER.ID).forUpdate().fetch().forEach(counter -> {
			capacities.put(counter.getId(), counter.getCapacity());
			taken.put(counter.getId(), counter.getTaken());
		});
	}

	/** Writes what changed, in one statement; the CHECK constraint is the last guard against overselling. */
	void write(Seats seats) {
		Map<UUID, Integer> changes = seats.changes();
		if (changes.isEmpty()) {
			return;
		}
		Field<Integer> increment = DSL.case_(SEAT_COUNTER.ID).mapValues(changes).else_(0);
		this.db.update(SEAT_COUNTER)
			.set(SEAT_COUNTER.TAKEN, SEAT_COUNTER.TAKEN.plus(increment))
			.where(SEAT_COUNTER.ID.in(changes.keySet()))
			.execute();
	}

}
