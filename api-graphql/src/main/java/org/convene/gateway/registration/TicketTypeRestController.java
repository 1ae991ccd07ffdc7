package org.convene.gateway.registration;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.web.DataList;
import org.convene.gateway.web.Etags;
import org.convene.registration.v1.proto.GetTicketTypeRequest;
import org.convene.registration.v1.proto.ListTicketTypesRequest;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc.TicketTypeServiceBlockingStub;

/** Ticket types under {@code /api/v1/events/{eventId}/ticket-types} and {@code /api/v1/ticket-types}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Ticket types", description = "What an event sells: price, quantity, sales window, limits, questions")
class TicketTypeRestController {

	private final TicketTypeServiceBlockingStub ticketTypes;

	TicketTypeRestController(TicketTypeServiceBlockingStub ticketTypes) {
		this.ticketTypes = ticketTypes;
	}

	@GetMapping("/events/{eventId}/ticket-types")
	@Operation(summary = "List an event's ticket types", description = "In display order; hidden ones only for the organizer.")
	DataList<TicketTypeView> list(@PathVariable String eventId) {
		return new DataList<>(this.ticketTypes.listTicketTypes(ListTicketTypesRequest.newBuilder().setEventId(eventId).build())
			.getTicketTypesList()
			.stream()
			.map(TicketTypeView::of)
			.toList());
	}

	@PostMapping(path = "/events/{eventId}/ticket-types", consumes = "application/json")
	@Operation(summary = "Add a ticket type", description = "Body: name, description, price {amount (minor units), "
			+ "currency}, quantity, salesStart, salesEnd, maxPerOrder, maxPerUser, visibility, questions, position. "
			+ "The event's organizer or an administrator.")
	ResponseEntity<TicketTypeView> create(@PathVariable String eventId, @RequestBody Map<String, Object> body) {
		TicketTypeView view = TicketTypeView.of(this.ticketTypes.createTicketType(RegistrationInputs.createTicketType(eventId, body)));
		return ResponseEntity.created(URI.create("/api/v1/ticket-types/" + view.id())).eTag(view.etag()).body(view);
	}

	@GetMapping("/ticket-types/{id}")
	@Operation(summary = "Get a ticket type", description = "Answers 304 when If-None-Match holds the current ETag.")
	ResponseEntity<TicketTypeView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		TicketTypeView view = TicketTypeView.of(this.ticketTypes.getTicketType(GetTicketTypeRequest.newBuilder().setId(id).build()));
		if (view.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(view.etag()).build();
		}
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@PatchMapping(path = "/ticket-types/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a ticket type", description = "Fields given are changed. If-Match makes it conditional "
			+ "(412 when stale). The quantity cannot go below the seats taken.")
	ResponseEntity<TicketTypeView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		TicketType updated = this.ticketTypes.updateTicketType(RegistrationInputs.updateTicketType(id, body, Etags.version(ifMatch)));
		TicketTypeView view = TicketTypeView.of(updated);
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

}
