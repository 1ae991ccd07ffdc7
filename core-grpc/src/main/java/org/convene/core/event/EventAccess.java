package org.convene.core.event;

import java.util.UUID;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;

/**
 * Who may see and change which events. Anonymous callers see published (or since completed or
 * cancelled) events: PUBLIC ones in lists, UNLISTED ones by id too. Callers with credentials
 * need {@code events:read} and see the same plus their own events; administrators see all.
 * Changes need {@code events:write}: organizers change their own events, administrators any.
 * An event the caller may not see does not exist for them (NOT_FOUND, never PERMISSION_DENIED).
 */
final class EventAccess {

	private EventAccess() {
	}

	static void requireRead(Caller caller) {
		if (!caller.isAnonymous()) {
			caller.require(Scopes.EVENTS_READ);
		}
	}

	/** The events a caller may find in lists. */
	static Condition listable(Caller caller) {
		if (caller.isAdmin()) {
			return DSL.trueCondition();
		}
		Condition published = EVENT.STATUS.ne("DRAFT").and(EVENT.VISIBILITY.eq("PUBLIC"));
		return caller.userId() == null ? published : published.or(EVENT.ORGANIZER_ID.eq(caller.userId()));
	}

	static boolean canSee(Caller caller, EventRecord event) {
		if (caller.isAdmin() || caller.is(event.getOrganizerId())) {
			return true;
		}
		return !"DRAFT".equals(event.getStatus()) && !"PRIVATE".equals(event.getVisibility());
	}

	/** Fails unless the caller may see the event; an unseen event is reported as not found. */
	static EventRecord visible(Caller caller, EventRecord event) {
		if (!canSee(caller, event)) {
			throw ApiException.notFound("event", event.getId().toString(), "id");
		}
		return event;
	}

	/** May the caller create events at all: an organizer (acting for themself) or an administrator. */
	static void requireCreate(Caller caller) {
		caller.require(Scopes.EVENTS_WRITE);
		if (!caller.isAdmin() && !caller.hasRole("ORGANIZER")) {
			throw Caller.denied("Only organizers and administrators create events");
		}
		if (!caller.isAdmin()) {
			caller.requireUser();
		}
	}

	/** May the caller change this event: its organizer or an administrator. */
	static EventRecord requireChange(Caller caller, EventRecord event) {
		caller.require(Scopes.EVENTS_WRITE);
		visible(caller, event);
		if (!caller.isAdmin() && !caller.is(event.getOrganizerId())) {
			throw Caller.denied("Only the event's organizer or an administrator may change it");
		}
		return event;
	}

	/** Organizers organise their own events; only administrators name someone else. */
	static void checkOrganizer(Caller caller, UUID organizer) {
		if (!caller.isAdmin() && (organizer == null || !caller.is(organizer))) {
			throw Caller.denied("Only administrators make someone else an event's organizer");
		}
	}

}
