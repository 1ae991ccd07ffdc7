package org.convene.core.event;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;

/**
 * What other features ask of events: may this caller see an event, and may they manage it
 * (its organizer or an administrator). The rules are {@link EventAccess}'s: an event a caller
 * may not see does not exist for them.
 */
@Component
public class Events {

	private final EventRepository events;

	Events(EventRepository events) {
		this.events = events;
	}

	/** The event, if the caller may see it; NOT_FOUND otherwise. */
	public EventRecord visible(Caller caller, UUID eventId, String target) {
		EventRecord event = this.events.find(eventId);
		if (event == null || !EventAccess.canSee(caller, event)) {
			throw ApiException.notFound("event", eventId.toString(), target);
		}
		return event;
	}

	/**
	 * The event, if the caller may read it as {@code GetEvent} does: with {@code events:read}
	 * when they have credentials, and able to see it (NOT_FOUND otherwise).
	 */
	public EventRecord readable(Caller caller, UUID eventId, String target) {
		EventAccess.requireRead(caller);
		return visible(caller, eventId, target);
	}

	/** Whether the caller may see the event as the API renders it, e.g. in a change streamed to them. */
	public boolean canSee(Caller caller, Event event) {
		EventRecord row = new EventRecord();
		row.setOrganizerId(event.getOrganizerId().isEmpty() ? null : UUID.fromString(event.getOrganizerId()));
		row.setStatus(event.getStatus().name());
		row.setVisibility(event.getVisibility().name());
		return EventAccess.canSee(caller, row);
	}

	/** Those of the events that exist and the caller may see, in no particular order. */
	public List<EventRecord> visible(Caller caller, Collection<UUID> eventIds) {
		return this.events.findAll(eventIds).stream().filter(event -> EventAccess.canSee(caller, event)).toList();
	}

	/**
	 * The event, if the caller manages it: holds {@code scope} and is its organizer or an
	 * administrator. NOT_FOUND when they may not see it, PERMISSION_DENIED when they may see
	 * but not manage it.
	 */
	public EventRecord managed(Caller caller, UUID eventId, String scope, String target) {
		caller.require(scope);
		EventRecord event = visible(caller, eventId, target);
		if (!manages(caller, event)) {
			throw Caller.denied("Only the event's organizer or an administrator may do this");
		}
		return event;
	}

	/** Whether the caller is the event's organizer or an administrator. */
	public boolean manages(Caller caller, EventRecord event) {
		return caller.isAdmin() || caller.is(event.getOrganizerId());
	}

}
