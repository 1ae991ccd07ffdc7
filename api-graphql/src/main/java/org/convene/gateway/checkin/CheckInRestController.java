package org.convene.gateway.checkin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.gateway.registration.RegistrationView;
import org.convene.grpc.ApiException;
import org.convene.ticket.v1.proto.CheckInServiceGrpc.CheckInServiceBlockingStub;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListCheckInsResponse;
import org.convene.ticket.v1.proto.UndoCheckInRequest;

/** Admission at the door, under {@code /api/v1/events/{eventId}/check-ins}; checkin:write and the event's organizer. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Check-in", description = "Scanning tickets, bulk and offline check-in, check-in lists")
class CheckInRestController {

	private static final Set<String> LIST_PARAMETERS = Set.of("ticketTypeId", "checkedIn", "q", "page", "pageSize",
			"limit", "offset", "cursor");

	private final CheckInServiceBlockingStub checkIns;

	CheckInRestController(CheckInServiceBlockingStub checkIns) {
		this.checkIns = checkIns;
	}

	@PostMapping(path = "/events/{eventId}/check-ins", consumes = "application/json")
	@Operation(summary = "Scan a ticket", description = "Body: {code, deviceId, location}. ADMITTED, or ALREADY_ADMITTED "
			+ "with the first admission (scans are idempotent), NOT_A_TICKET, TICKET_REVOKED, TICKET_NOT_CONFIRMED.")
	CheckInViews.CheckInResultView checkIn(@PathVariable String eventId, @RequestBody Map<String, Object> body) {
		return CheckInViews.CheckInResultView.of(this.checkIns.checkIn(CheckInInputs.checkIn(eventId, body)));
	}

	@PostMapping(path = "/events/{eventId}/check-ins/bulk", consumes = "application/json")
	@Operation(summary = "Scan many tickets at once", description = "Body: {codes: [up to 500], deviceId, location}; "
			+ "one result per code, in order.")
	Results<CheckInViews.CheckInResultView> bulk(@PathVariable String eventId, @RequestBody Map<String, Object> body) {
		return new Results<>(this.checkIns.bulkCheckIn(CheckInInputs.bulk(eventId, body))
			.getResultsList()
			.stream()
			.map(CheckInViews.CheckInResultView::of)
			.toList());
	}

	@PostMapping(path = "/events/{eventId}/check-ins/offline", consumes = "application/json")
	@Operation(summary = "Upload scans made offline", description = "Body: {deviceId, location, scans: [{code, scannedAt, "
			+ "nonce}]}. The earliest scan of a ticket is its admission, whichever upload comes first; the others are "
			+ "reported as CONFLICT. A repeated nonce changes nothing (DUPLICATE).")
	Results<CheckInViews.OfflineScanResultView> offline(@PathVariable String eventId, @RequestBody Map<String, Object> body) {
		return new Results<>(this.checkIns.uploadOfflineScans(CheckInInputs.offline(eventId, body))
			.getResultsList()
			.stream()
			.map(CheckInViews.OfflineScanResultView::of)
			.toList());
	}

	@GetMapping("/events/{eventId}/check-ins")
	@Operation(summary = "The check-in list of an event", description = "Confirmed and admitted attendees. Filters: "
			+ "ticketTypeId, checkedIn (true/false), q (name or e-mail); paging as everywhere.")
	ResponseEntity<CheckInPage> list(@PathVariable String eventId,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!LIST_PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: "
						+ String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
			}
		}
		PageParams params = PageParams.from(query);
		ListCheckInsRequest.Builder request = ListCheckInsRequest.newBuilder()
			.setEventId(eventId)
			.setTicketTypeId(orEmpty(query.getFirst("ticketTypeId")))
			.setQuery(orEmpty(query.getFirst("q")))
			.setPage(params.toRequest());
		String checkedIn = query.getFirst("checkedIn");
		if (checkedIn != null) {
			if (!checkedIn.equals("true") && !checkedIn.equals("false")) {
				throw ApiException.invalid("checkedIn", "must be true or false");
			}
			request.setCheckedIn(Boolean.parseBoolean(checkedIn));
		}
		ListCheckInsResponse response = this.checkIns.listCheckIns(request.build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		return ResponseEntity.ok()
			.headers(pagination.headers(params))
			.body(new CheckInPage(response.getEntriesList().stream().map(CheckInViews.CheckInListEntryView::of).toList(),
					pagination, response.getCheckedInCount(), response.getTotalCount()));
	}

	@PostMapping(path = "/registrations/{id}/check-in/undo")
	@Operation(summary = "Undo a check-in", description = "The registration is CONFIRMED again. Body (optional): {reason}.")
	RegistrationView undo(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		Object reason = body == null ? null : body.get("reason");
		if (reason != null && !(reason instanceof String)) {
			throw ApiException.invalid("reason", "must be a string");
		}
		return RegistrationView.of(this.checkIns.undoCheckIn(UndoCheckInRequest.newBuilder()
			.setRegistrationId(id)
			.setReason(reason == null ? "" : (String) reason)
			.build()));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/** @param results one per item, in request order */
	record Results<T>(List<T> results) {
	}

	/**
	 * A page of a check-in list.
	 *
	 * @param checkedInCount admitted among all entries matching the filter
	 * @param totalCount all entries matching the filter
	 */
	record CheckInPage(List<CheckInViews.CheckInListEntryView> data, Pagination pagination, long checkedInCount,
			long totalCount) {
	}

}
