package org.convene.gateway.registration;

import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.convene.gateway.error.ErrorEnvelope;
import org.convene.gateway.error.ErrorResponses;
import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.gateway.web.Etags;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.BatchItemResult;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.ExportChunk;
import org.convene.registration.v1.proto.ExportRegistrationsRequest;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc.RegistrationServiceBlockingStub;

/** The Registration API of spec 4.2 under {@code /api/v1/registrations}. */
@RestController
@RequestMapping(path = "/api/v1/registrations", produces = "application/json")
@Tag(name = "Registrations", description = "Registering attendees, the waiting list, attendee lists and exports")
class RegistrationRestController {

	private static final Set<String> LIST_PARAMETERS = Set.of("eventId", "status", "ticketTypeId", "q", "sort", "page",
			"pageSize", "limit", "offset", "cursor");

	private final RegistrationServiceBlockingStub registrations;

	private final ErrorResponses errors;

	RegistrationRestController(RegistrationServiceBlockingStub registrations, ErrorResponses errors) {
		this.registrations = registrations;
		this.errors = errors;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Register", description = "Body: eventId, ticketTypeId, attendee {name, email}, answers, "
			+ "joinWaitlist; organizers may add userId or register a guest by attendee. Free tickets are CONFIRMED at "
			+ "once, paid ones held in PENDING_PAYMENT; when no seat is left the answer is 409 SOLD_OUT, or a "
			+ "WAITLISTED registration with joinWaitlist.")
	ResponseEntity<RegistrationView> create(@RequestBody Map<String, Object> body) {
		RegistrationView view = RegistrationView.of(this.registrations.createRegistration(RegistrationInputs.createRegistration(body)));
		return ResponseEntity.created(URI.create("/api/v1/registrations/" + view.id())).eTag(view.etag()).body(view);
	}

	@PostMapping(path = "/batch", consumes = "application/json")
	@Operation(summary = "Register many at once", description = "Body: {items: [up to 100 registrations], "
			+ "allOrNothing}. Each item has its own result: a registration or an error in the envelope's shape. With "
			+ "allOrNothing, one failure fails them all.")
	BatchResults batch(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		BatchCreateRegistrationsResponse response = this.registrations.batchCreateRegistrations(RegistrationInputs.batch(body));
		return new BatchResults(response.getResultsList().stream().map(result -> result(result, request)).toList());
	}

	@GetMapping
	@Operation(summary = "List registrations", description = "Without eventId: your own. With eventId: the event's "
			+ "attendee list, for its organizer. Filters: status (repeated or comma-separated), ticketTypeId, q (name or "
			+ "e-mail); sort: -createdAt (default), createdAt, attendeeName; paging: page+pageSize, limit+offset or cursor.")
	ResponseEntity<Page<RegistrationView>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!LIST_PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: "
						+ String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
			}
		}
		PageParams params = PageParams.from(query);
		ListRegistrationsResponse response = this.registrations.listRegistrations(ListRegistrationsRequest.newBuilder()
			.setEventId(orEmpty(query.getFirst("eventId")))
			.addAllStatuses(RegistrationInputs.statuses(query.get("status")))
			.setTicketTypeId(orEmpty(query.getFirst("ticketTypeId")))
			.setQuery(orEmpty(query.getFirst("q")))
			.setOrder(RegistrationInputs.order(query.getFirst("sort")))
			.setPage(params.toRequest())
			.build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<RegistrationView> data = response.getRegistrationsList().stream().map(RegistrationView::of).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "Export an attendee list as CSV", description = "eventId required; same filters as the list. "
			+ "UTF-8, RFC 4180, one column per question.")
	ResponseEntity<StreamingResponseBody> export(@RequestParam String eventId,
			@RequestParam(required = false) List<String> status, @RequestParam(required = false) String ticketTypeId,
			@RequestParam(required = false) String q) {
		Iterator<ExportChunk> chunks = this.registrations.exportRegistrations(ExportRegistrationsRequest.newBuilder()
			.setEventId(eventId)
			.addAllStatuses(RegistrationInputs.statuses(status))
			.setTicketTypeId(orEmpty(ticketTypeId))
			.setQuery(orEmpty(q))
			.build());
		// The first chunk is read before answering, so a refusal still gets its status and envelope.
		ExportChunk first = chunks.hasNext() ? chunks.next() : ExportChunk.getDefaultInstance();
		StreamingResponseBody body = out -> {
			first.getData().writeTo(out);
			while (chunks.hasNext()) {
				chunks.next().getData().writeTo(out);
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(first.getContentType().isEmpty() ? "text/csv; charset=utf-8" : first.getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(first.getFileName().isEmpty() ? "attendees.csv" : first.getFileName())
				.build()
				.toString())
			.body(body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a registration", description = "Your own, or one of an event you organize. 304 when "
			+ "If-None-Match holds the current ETag.")
	ResponseEntity<RegistrationView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		RegistrationView view = RegistrationView.of(this.registrations.getRegistration(GetRegistrationRequest.newBuilder().setId(id).build()));
		if (view.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(view.etag()).build();
		}
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change the attendee's details", description = "Body: attendee {name, email}, answers. If-Match "
			+ "makes it conditional.")
	ResponseEntity<RegistrationView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.registrations.updateRegistration(RegistrationInputs.updateRegistration(id, body, Etags.version(ifMatch))));
	}

	@PostMapping(path = "/{id}/cancel", consumes = "application/json")
	@Operation(summary = "Cancel a registration", description = "Body: {\"reason\": \"...\"}. The seat returns and the "
			+ "first waiting attendee who fits is promoted.")
	ResponseEntity<RegistrationView> cancel(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (!(body.get("reason") instanceof String reason)) {
			throw ApiException.invalid("reason", "is required, a string of 1 to 500 characters");
		}
		return ok(this.registrations.cancelRegistration(CancelRegistrationRequest.newBuilder()
			.setId(id)
			.setReason(reason)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	@PostMapping(path = "/{id}/confirm")
	@Operation(summary = "Confirm a pending registration", description = "PENDING_PAYMENT to CONFIRMED, for the payments "
			+ "service and administrators. Body (optional): {\"paymentReference\": \"...\"}.")
	ResponseEntity<RegistrationView> confirm(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		Object reference = body == null ? null : body.get("paymentReference");
		if (reference != null && !(reference instanceof String)) {
			throw ApiException.invalid("paymentReference", "must be a string");
		}
		return ok(this.registrations.confirmRegistration(ConfirmRegistrationRequest.newBuilder()
			.setId(id)
			.setPaymentReference(reference == null ? "" : (String) reference)
			.build()));
	}

	private static ResponseEntity<RegistrationView> ok(Registration registration) {
		RegistrationView view = RegistrationView.of(registration);
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	private BatchResult result(BatchItemResult result, HttpServletRequest request) {
		if (result.hasRegistration()) {
			return new BatchResult(result.getIndex(), RegistrationView.of(result.getRegistration()), null);
		}
		return new BatchResult(result.getIndex(), null, this.errors.body(ApiError.fromStatusProto(result.getError()), request));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/** @param results one per item, in request order */
	record BatchResults(List<BatchResult> results) {
	}

	/**
	 * @param index the item's position in the request
	 * @param registration the registration, when the item succeeded
	 * @param error why it failed, in the error envelope's shape
	 */
	record BatchResult(int index, RegistrationView registration, ErrorEnvelope.Body error) {
	}

}
