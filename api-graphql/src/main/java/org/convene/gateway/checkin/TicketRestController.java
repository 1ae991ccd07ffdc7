package org.convene.gateway.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsResponse;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.TicketDocument;
import org.convene.ticket.v1.proto.TicketServiceGrpc.TicketServiceBlockingStub;

/** Tickets: codes, PDF tickets, validation, and what offline devices need to verify codes. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Tickets", description = "Signed ticket codes (QR), PDF tickets, validation, verification keys")
class TicketRestController {

	private final TicketServiceBlockingStub tickets;

	TicketRestController(TicketServiceBlockingStub tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/registrations/{id}/ticket")
	@Operation(summary = "Get a registration's ticket", description = "The code its QR code holds; the attendee or the "
			+ "event's organizer.")
	CheckInViews.TicketView ticket(@PathVariable String id) {
		return CheckInViews.TicketView.of(this.tickets.getTicket(GetTicketRequest.newBuilder().setRegistrationId(id).build()));
	}

	@GetMapping(path = "/registrations/{id}/ticket.pdf", produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Download a registration's PDF ticket", description = "Event, attendee, ticket type, the time "
			+ "in the event's time zone and the QR code.")
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		TicketDocument document = this.tickets.getTicketPdf(GetTicketRequest.newBuilder().setRegistrationId(id).build());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.getFileName()).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(document.getData().toByteArray());
	}

	@PostMapping(path = "/tickets/validate", consumes = "application/json")
	@Operation(summary = "Validate a ticket code", description = "Body: {code, eventId}. Answers VALID, UNKNOWN, REVOKED, "
			+ "ALREADY_CHECKED_IN (with the admission) or NOT_CONFIRMED. Needs checkin:write.")
	CheckInViews.ValidationView validate(@RequestBody Map<String, Object> body) {
		return CheckInViews.ValidationView.of(this.tickets.validateTicket(CheckInInputs.validate(body)));
	}

	@GetMapping(path = "/ticket-keys", produces = { "application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The public keys ticket codes are signed with", description = "A JWK Set of Ed25519 keys, for "
			+ "devices that verify codes offline. Open to anyone.")
	ResponseEntity<String> keys() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/jwk-set+json"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(this.tickets.listTicketKeys(ListTicketKeysRequest.getDefaultInstance()).getJwksJson());
	}

	@GetMapping("/events/{eventId}/revoked-tickets")
	@Operation(summary = "Tickets of an event that no longer admit", description = "Registration ids of cancelled "
			+ "tickets, for offline devices; since (RFC 3339) for the changes since asOf of an earlier answer.")
	RevokedTickets revoked(@PathVariable String eventId, @RequestParam(required = false) String since) {
		ListRevokedTicketsRequest.Builder request = ListRevokedTicketsRequest.newBuilder().setEventId(eventId);
		if (since != null) {
			try {
				request.setSince(ProtoTime.of(Instant.parse(since)));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw ApiException.invalid("since", "must be an RFC 3339 date-time in UTC, e.g. 2027-05-04T09:00:00Z");
			}
		}
		ListRevokedTicketsResponse response = this.tickets.listRevokedTickets(request.build());
		return new RevokedTickets(List.copyOf(response.getRegistrationIdsList()),
				ProtoTime.utc(response.hasAsOf(), response.getAsOf()));
	}

	/**
	 * @param registrationIds the tickets that no longer admit
	 * @param asOf pass as since next time
	 */
	record RevokedTickets(List<String> registrationIds, java.time.OffsetDateTime asOf) {
	}

}
