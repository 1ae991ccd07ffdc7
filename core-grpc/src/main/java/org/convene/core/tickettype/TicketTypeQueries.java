package org.convene.core.tickettype;

import java.util.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.BatchGetTicketTypesResponse;
import org.convene.registration.v1.proto.BatchListTicketTypesResponse;
import org.convene.registration.v1.proto.EventTicketTypes;
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

	static final int MAX_BATCH = 100;

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
		UUID ticketTypeId = RequestIds.uuid(id, "id");
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
		EventRecord event = this.events.visible(caller, RequestIds.uuid(eventId, "eventId"), "eventId");
		List<TicketTypeRecord> rows = this.ticketTypes.ofEvent(event.getId())
			.stream()
			.filter(row -> this.access.canSee(caller, event, row))
			.toList();
		Map<UUID, Integer> taken = this.ticketTypes.taken(rows.stream().map(TicketTypeRecord::getId).toList());
		return ListTicketTypesResponse.newBuilder()
			.addAllTicketTypes(rows.stream().map(row -> TicketTypeRecords.toProto(row, taken.getOrDefault(row.getId(), 0))).toList())
			.build();
	}

	BatchListTicketTypesResponse listAll(List<String> eventIds) {
		Caller caller = reader();
		Map<UUID, EventRecord> events = this.events.visible(caller, ids(eventIds, "eventIds"))
			.stream()
			.collect(Collectors.toMap(EventRecord::getId, event -> event));
		Map<UUID, List<TicketType>> byEvent = new LinkedHashMap<>();
		visibleWithTaken(caller, events, this.ticketTypes.ofEvents(events.keySet()))
			.forEach(type -> byEvent.computeIfAbsent(UUID.fromString(type.getEventId()), id -> new ArrayList<>()).add(type));
		BatchListTicketTypesResponse.Builder response = BatchListTicketTypesResponse.newBuilder();
		events.keySet().forEach(id -> response.addLists(EventTicketTypes.newBuilder()
			.setEventId(id.toString())
			.addAllTicketTypes(byEvent.getOrDefault(id, List.of()))));
		return response.build();
	}

	BatchGetTicketTypesResponse getAll(List<String> ids) {
		Caller caller = reader();
		List<TicketTypeRecord> rows = this.ticketTypes.findAll(ids(ids, "ids"));
		Map<UUID, EventRecord> events = this.events.visible(caller, rows.stream().map(TicketTypeRecord::getEventId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(EventRecord::getId, event -> event));
		return BatchGetTicketTypesResponse.newBuilder().addAllTicketTypes(visibleWithTaken(caller, events, rows)).build();
	}

	/** The rows the caller may see (their event visible, the type visible in it), with seats taken. */
	private List<TicketType> visibleWithTaken(Caller caller, Map<UUID, EventRecord> events, List<TicketTypeRecord> rows) {
		List<TicketTypeRecord> visible = rows.stream()
			.filter(row -> events.containsKey(row.getEventId()) && this.access.canSee(caller, events.get(row.getEventId()), row))
			.toList();
		Map<UUID, Integer> taken = this.ticketTypes.taken(visible.stream().map(TicketTypeRecord::getId).toList());
		return visible.stream().map(row -> TicketTypeRecords.toProto(row, taken.getOrDefault(row.getId(), 0))).toList();
	}

	/** Up to 100 ids, each a UUID. */
	private static Set<UUID> ids(List<String> values, String field) {
		if (values.size() > MAX_BATCH) {
			throw ApiException.invalid(field, "at most " + MAX_BATCH + " ids per call");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			ids.add(RequestIds.uuid(values.get(i), field + "[" + i + "]"));
		}
		return ids;
	}

	private static Caller reader() {
		Caller caller = RequestContext.current().caller();
		return caller.isAnonymous() ? caller : caller.require(Scopes.EVENTS_READ);
	}

}
