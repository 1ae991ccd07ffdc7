package org.convene.core.tickettype;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.ListTicketTypesResponse;
import org.convene.registration.v1.proto.TicketType;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/**
 * Reads ticket types. Whoever may see the event (anonymous callers too) sees its PUBLIC
 * ticket types; callers with credentials need events:read, as for reading events.
 */
@Service
@Transactional(readOnly = true)
class TicketTypeQueries {

	private final TicketTypeRepository ticketTypes;

	private final TicketTypes access;

	private final Events events;

	TicketTypeQueries(TicketTypeRepository ticketTypes, TicketTypes access, Events events) {
		this.ticketTypes = ticketTypes;
		this.access = access;
		this.events = events;
	}

	TicketType get(String id) {
		Caller caller = reader();
		UUID ticketTypeId = TicketTypeCommands.id(id, "id");
		TicketTypeRecord row = this.ticketTypes.find(ticketTypeId);
		if (row == null) {
			throw ApiException.notFound("ticket type", id, "id");
		}
		EventRecord event = this.events.visible(caller, row.getEventId(), "id");
		row = this.access.visible(caller, event, ticketTypeId, "id");
		return TicketTypeRecords.toProto(row, this.ticketTypes.taken(List.of(ticketTypeId)).getOrDefault(ticketTypeId, 0));
	}

	ListTicketTypesResponse list(String eventId) {
		Caller caller = reader();
		EventRecord event = this.events.visible(caller, TicketTypeCommands.id(eventId, "eventId"), "eventId");
		List<TicketTypeRecord> rows = this.ticketTypes.ofEvent(event.getId())
			.stream()
			.filter(row -> this.access.canSee(caller, event, row))
			.toList();
		Map<UUID, Integer> taken = this.ticketTypes.taken(rows.stream().map(TicketTypeRecord::getId).toList());
		return ListTicketTypesResponse.newBuilder()
			.addAllTicketTypes(rows.stream().map(row -> TicketTypeRecords.toProto(row, taken.getOrDefault(row.getId(), 0))).toList())
			.build();
	}

	private static Caller reader() {
		Caller caller = RequestContext.current().caller();
		return caller.isAnonymous() ? caller : caller.require(Scopes.EVENTS_READ);
	}

}
