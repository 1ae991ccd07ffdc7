package org.convene.gateway.attendance;

import java.util.List;
import java.util.Map;

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

import org.convene.gateway.attendance.AttendanceViews.SessionAttendanceView;
import org.convene.gateway.attendance.AttendanceViews.SessionCheckInResult;
import org.convene.gateway.attendance.AttendanceViews.SessionCheckInView;
import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.session.v1.proto.GetSessionAttendanceRequest;
import org.convene.session.v1.proto.ListEventSessionAttendanceRequest;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionAttendeesResponse;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc.SessionAttendanceServiceBlockingStub;

/** Attendance at sessions: {@code /api/v1/sessions/{id}/check-ins}, {@code .../attendance}, {@code .../attendees}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Session attendance", description = "Scanning tickets at session doors and counting who came")
class AttendanceRestController {

	private final SessionAttendanceServiceBlockingStub attendance;

	AttendanceRestController(SessionAttendanceServiceBlockingStub attendance) {
		this.attendance = attendance;
	}

	@PostMapping(path = "/sessions/{id}/check-ins", consumes = "application/json")
	@Operation(summary = "Scan a ticket at a session's door", description = "Body: {code, deviceId, scannedAt (optional)}. "
			+ "checkin:write and the event's organizer. Outcomes: ADMITTED, ALREADY_ADMITTED (with the first scan), "
			+ "UNKNOWN_TICKET, REVOKED, NOT_CONFIRMED, WRONG_EVENT, SESSION_CANCELLED, NO_SEAT. Not an event check-in.")
	SessionCheckInResult checkIn(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return SessionCheckInResult.of(this.attendance.checkInToSession(AttendanceViews.scan(id, body)));
	}

	@GetMapping("/sessions/{id}/attendance")
	@Operation(summary = "How many came to a session", description = "Checked in, bookmarked, seats taken and capacity; "
			+ "for the event's organizer, administrators and the session's speakers.")
	SessionAttendanceView get(@PathVariable String id) {
		return SessionAttendanceView.of(this.attendance
			.getSessionAttendance(GetSessionAttendanceRequest.newBuilder().setSessionId(id).build()));
	}

	@GetMapping("/events/{eventId}/session-attendance")
	@Operation(summary = "How many came to each session of an event", description = "By start time; for the event's "
			+ "organizer and administrators.")
	Sessions ofEvent(@PathVariable String eventId) {
		return new Sessions(this.attendance
			.listEventSessionAttendance(ListEventSessionAttendanceRequest.newBuilder().setEventId(eventId).build())
			.getSessionsList()
			.stream()
			.map(SessionAttendanceView::of)
			.toList());
	}

	@GetMapping("/sessions/{id}/attendees")
	@Operation(summary = "Who was admitted to a session", description = "Earliest scan first; checkin:write and the "
			+ "event's organizer; paging as everywhere.")
	ResponseEntity<Page<SessionCheckInView>> attendees(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		PageParams params = PageParams.from(query);
		ListSessionAttendeesResponse response = this.attendance.listSessionAttendees(
				ListSessionAttendeesRequest.newBuilder().setSessionId(id).setPage(params.toRequest()).build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<SessionCheckInView> data = response.getEdgesList()
			.stream()
			.map(edge -> SessionCheckInView.of(edge.getCheckIn()))
			.toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	/** @param sessions one per session, by start time */
	record Sessions(List<SessionAttendanceView> sessions) {
	}

}
