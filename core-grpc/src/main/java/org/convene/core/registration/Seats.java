package org.convene.core.registration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The locked seat counters of one event (its own and those of some of its ticket types),
 * changed in memory while seats are given out and written back once. A seat of a ticket
 * type needs room in both counters.
 */
final class Seats {

	private final UUID eventId;

	private final Map<UUID, Integer> capacities;

	private final Map<UUID, Integer> stored;

	private final Map<UUID, Integer> taken;

	Seats(UUID eventId, Map<UUID, Integer> capacities, Map<UUID, Integer> taken) {
		this.eventId = eventId;
		this.capacities = new HashMap<>(capacities);
		this.stored = Map.copyOf(taken);
		this.taken = new HashMap<>(taken);
	}

	boolean fits(UUID ticketTypeId) {
		return this.taken.containsKey(ticketTypeId) && hasRoom(this.eventId) && hasRoom(ticketTypeId);
	}

	/** Whether the event itself has no seat left, whatever the ticket type. */
	boolean eventFull() {
		return !hasRoom(this.eventId);
	}

	void take(UUID ticketTypeId) {
		this.taken.merge(this.eventId, 1, Integer::sum);
		this.taken.merge(known(ticketTypeId), 1, Integer::sum);
	}

	void release(UUID ticketTypeId) {
		this.taken.merge(this.eventId, -1, Integer::sum);
		this.taken.merge(known(ticketTypeId), -1, Integer::sum);
	}

	/** The counts as they are now, to go back to with {@link #restore}. */
	Map<UUID, Integer> snapshot() {
		return Map.copyOf(this.taken);
	}

	void restore(Map<UUID, Integer> snapshot) {
		this.taken.clear();
		this.taken.putAll(snapshot);
	}

	/** How much each counter changed since it was read; unchanged ones left out. */
	Map<UUID, Integer> changes() {
		Map<UUID, Integer> changes = new LinkedHashMap<>();
		this.taken.forEach((id, count) -> {
			int delta = count - this.stored.get(id);
			if (delta != 0) {
				changes.put(id, delta);
			}
		});
		return changes;
	}

	private boolean hasRoom(UUID id) {
		Integer capacity = this.capacities.get(known(id));
		return capacity == null || this.taken.get(id) < capacity;
	}

	private UUID known(UUID id) {
		if (!this.taken.containsKey(id)) {
			throw new IllegalStateException("Seat counter " + id + " was not locked");
		}
		return id;
	}

}
