package org.convene.core.tickettype;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.Versions;
import org.convene.core.outbox.Outbox;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/** Adds ticket types to events and changes them; the event's organizer or an administrator. */
@Service
@Transactional
class TicketTypeCommands {

	private final TicketTypeRepository ticketTypes;

	private final Events events;

	private final Outbox outbox;

	private final ApplicationEventPublisher publisher;

	TicketTypeCommands(TicketTypeRepository ticketTypes, Events events, Outbox outbox, ApplicationEventPublisher publisher) {
		this.ticketTypes = ticketTypes;
		this.events = events;
		this.outbox = outbox;
		this.publisher = publisher;
	}

	TicketType create(CreateTicketTypeRequest request) {
		Caller caller = RequestContext.current().caller();
		EventRecord event = this.events.managed(caller, RequestIds.uuid(request.getEventId(), "eventId"), Scopes.EVENTS_WRITE, "eventId");
		requireOpen(event);
		List<FieldViolation> violations = new ArrayList<>();
		TicketTypeRecord row = this.ticketTypes.newRecord();
		row.setId(UUID.randomUUID());
		row.setEventId(event.getId());
		TicketTypeDrafts.apply(request.getTicketType(), TicketTypeDrafts.FIELDS, row, violations);
		TicketTypeDrafts.check(row, violations);
		throwIfAny(violations);
		this.ticketTypes.insert(row);
		return record("ticket_type.created", row, 0);
	}

	TicketType update(UpdateTicketTypeRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = TicketTypeDrafts.paths(request.getUpdateMask(), violations);
		throwIfAny(violations);
		Caller caller = RequestContext.current().caller().require(Scopes.EVENTS_WRITE);
		UUID id = RequestIds.uuid(request.getId(), "id");
		TicketTypeRecord row = this.ticketTypes.lock(id);
		EventRecord event = this.events.visible(caller, row.getEventId(), "id");
		if (!this.events.manages(caller, event)) {
			if (!"PUBLIC".equals(row.getVisibility())) {
				throw ApiException.notFound("ticket type", id.toString(), "id");
			}
			throw Caller.denied("Only the event's organizer or an administrator may change its ticket types");
		}
		Versions.check("ticket type", request.getExpectedVersion(), row.getVersion());
		requireOpen(event);
		Integer quantityBefore = row.getQuantity();
		TicketTypeDrafts.apply(request.getTicketType(), paths, row, violations);
		TicketTypeDrafts.check(row, violations);
		int taken = this.ticketTypes.lockTaken(event.getId(), id);
		if (row.getQuantity() != null && row.getQuantity() < taken) {
			violations.add(new FieldViolation("quantity", "cannot be lower than the " + taken + " seats registrations already hold"));
		}
		throwIfAny(violations);
		this.ticketTypes.update(row);
		if (quantityBefore != null && (row.getQuantity() == null || row.getQuantity() > quantityBefore)) {
			this.publisher.publishEvent(new TicketTypeQuantityRaised(event.getId(), id));
		}
		return record("ticket_type.updated", row, this.ticketTypes.taken(List.of(id)).getOrDefault(id, taken));
	}

	private TicketType record(String type, TicketTypeRecord row, int taken) {
		TicketType api = TicketTypeRecords.toProto(row, taken);
		this.outbox.record(type, "ticket_type", row.getId(), api);
		return api;
	}

	private static void requireOpen(EventRecord event) {
		if (!"DRAFT".equals(event.getStatus()) && !"PUBLISHED".equals(event.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION,
					"The ticket types of a " + event.getStatus().toLowerCase() + " event cannot change",
					"Event '" + event.getId() + "' is " + event.getStatus(), "eventId");
		}
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

}
