package org.convene.core.event;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import org.convene.core.outbox.Outbox;
import org.convene.core.v1.proto.Event;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;

/** Writes an event and records the matching domain event, in the caller's transaction. */
@Component
class EventChanges {

	private final EventRepository events;

	private final Outbox outbox;

	private final ApplicationEventPublisher publisher;

	EventChanges(EventRepository events, Outbox outbox, ApplicationEventPublisher publisher) {
		this.events = events;
		this.outbox = outbox;
		this.publisher = publisher;
	}

	Event created(EventRecord event) {
		this.events.insert(event);
		return record("event.created", event);
	}

	/** Also announces a raised (or removed) capacity, whichever command raised it. */
	Event updated(EventRecord event) {
		Integer capacityBefore = event.original(EVENT.CAPACITY);
		this.events.update(event);
		Event updated = record("event.updated", event);
		if (capacityBefore != null && (event.getCapacity() == null || event.getCapacity() > capacityBefore)) {
			this.publisher.publishEvent(new EventCapacityRaised(event.getId()));
		}
		return updated;
	}

	Event publish(EventRecord event) {
		event.setStatus("PUBLISHED");
		event.setPublishedAt(EventRecords.now());
		this.events.update(event);
		return record("event.published", event);
	}

	/** Cancels the event and its open sub-events, which cannot outlive it. */
	Event cancel(EventRecord event, String reason) {
		event.setStatus("CANCELLED");
		event.setCancellationReason(reason);
		event.setCancelledAt(EventRecords.now());
		this.events.update(event);
		Event cancelled = record("event.cancelled", event);
		this.publisher.publishEvent(new EventCancelled(event.getId(), reason));
		for (EventRecord child : this.events.lockOpenSubEvents(event.getId())) {
			cancel(child, reason);
		}
		return cancelled;
	}

	private Event record(String type, EventRecord event) {
		Event api = EventRecords.toProto(event);
		this.outbox.record(type, "event", event.getId(), api);
		return api;
	}

}
