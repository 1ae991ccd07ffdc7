package org.convene.gateway.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.gateway.event.EventView;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.registration.v1.proto.BatchListTicketTypesRequest;
import org.convene.registration.v1.proto.GetTicketTypeRequest;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc.TicketTypeServiceBlockingStub;

/** The {@code TicketType} type, {@code Event.ticketTypes}, and the ticket-type mutations. */
@Controller
class TicketTypeGraphQlController {

	private final TicketTypeServiceBlockingStub ticketTypes;

	private final EventServiceBlockingStub events;

	TicketTypeGraphQlController(TicketTypeServiceBlockingStub ticketTypes, EventServiceBlockingStub events) {
		this.ticketTypes = ticketTypes;
		this.events = events;
	}

	@QueryMapping
	TicketTypeView ticketType(@Argument String id) {
		return TicketTypeView.of(this.ticketTypes.getTicketType(GetTicketTypeRequest.newBuilder().setId(id).build()));
	}

	@MutationMapping
	Object createTicketType(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String eventId = (String) fields.remove("eventId");
		return UserErrors.orUserError(() -> result(this.ticketTypes.createTicketType(RegistrationInputs.createTicketType(eventId, fields))));
	}

	@MutationMapping
	Object updateTicketType(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		Object version = fields.remove("expectedVersion");
		return UserErrors.orUserError(() -> result(this.ticketTypes.updateTicketType(RegistrationInputs.updateTicketType(id,
				fields, version == null ? 0 : ((Number) version).longValue()))));
	}

	@BatchMapping(typeName = "Event", field = "ticketTypes")
	Map<EventView, List<TicketTypeView>> ticketTypes(List<EventView> events) {
		Map<String, List<TicketTypeView>> lists = this.ticketTypes
			.batchListTicketTypes(BatchListTicketTypesRequest.newBuilder().addAllEventIds(Batches.keys(events, EventView::id)).build())
			.getListsList()
			.stream()
			.collect(Collectors.toMap(l -> l.getEventId(), l -> l.getTicketTypesList().stream().map(TicketTypeView::of).toList()));
		Map<EventView, List<TicketTypeView>> result = new LinkedHashMap<>();
		events.forEach(event -> result.put(event, lists.getOrDefault(event.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "TicketType", field = "event")
	Map<TicketTypeView, EventView> event(List<TicketTypeView> types) {
		Map<String, EventView> found = this.events
			.batchGetEvents(BatchGetEventsRequest.newBuilder().addAllIds(Batches.keys(types, TicketTypeView::eventId)).build())
			.getEventsList()
			.stream()
			.collect(Collectors.toMap(e -> e.getId(), EventView::of));
		return Batches.byKey(types, TicketTypeView::eventId, found);
	}

	private static TicketTypeResult result(TicketType type) {
		return new TicketTypeResult(TicketTypeView.of(type));
	}

	/** The ticket type a mutation produced. */
	record TicketTypeResult(TicketTypeView ticketType) {
	}

}
