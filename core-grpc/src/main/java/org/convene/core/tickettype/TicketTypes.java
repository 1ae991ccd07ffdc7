package org.convene.core.tickettype;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.TicketTypeVisibility;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/**
 * What other features ask of ticket types: which one a caller may register for, and the
 * questions it asks. A HIDDEN ticket type exists only for the event's organizer and
 * administrators.
 */
@Component
public class TicketTypes {

	private final TicketTypeRepository ticketTypes;

	private final Events events;

	TicketTypes(TicketTypeRepository ticketTypes, Events events) {
		this.ticketTypes = ticketTypes;
		this.events = events;
	}

	/** The ticket type of this event, if the caller may see it; NOT_FOUND otherwise. */
	public TicketTypeRecord visible(Caller caller, EventRecord event, UUID ticketTypeId, String target) {
		TicketTypeRecord row = this.ticketTypes.find(ticketTypeId);
		if (row == null || !row.getEventId().equals(event.getId()) || !canSee(caller, event, row)) {
			throw ApiException.notFound("ticket type", ticketTypeId.toString(), target);
		}
		return row;
	}

	public List<TicketTypeRecord> ofEvent(UUID eventId) {
		return this.ticketTypes.ofEvent(eventId);
	}

	public static List<Question> questions(TicketTypeRecord row) {
		return Questions.parse(row.getQuestions());
	}

	boolean canSee(Caller caller, EventRecord event, TicketTypeRecord row) {
		return TicketTypeVisibility.PUBLIC.name().equals(row.getVisibility()) || this.events.manages(caller, event);
	}

}
