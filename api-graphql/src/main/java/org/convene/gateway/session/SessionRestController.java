package org.convene.gateway.session;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.gateway.web.Etags;
import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.ListSessionsResponse;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionServiceGrpc.SessionServiceBlockingStub;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UnassignSpeakerRequest;

/** The Sessions API of spec 4.4: {@code /api/v1/events/{eventId}/sessions} and {@code /api/v1/sessions}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Sessions", description = "Sessions of events, their speakers and the schedule")
class SessionRestController {

	private final SessionServiceBlockingStub sessions;

	SessionRestController(SessionServiceBlockingStub sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/events/{eventId}/sessions")
	@Operation(summary = "List an event's sessions", description = "By start time. Filters: day (a date in the event's "
			+ "time zone), track, room, speakerId, tag (all must match), status; paging: page+pageSize, limit+offset "
			+ "or cursor (at most 100 per page).")
	ResponseEntity<Page<SessionView>> list(@PathVariable String eventId,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		PageParams params = PageParams.from(query);
		return page(this.sessions.listSessions(ListSessionsRequest.newBuilder()
			.setEventId(eventId)
			.setFilter(SessionInputs.filter(query))
			.setPage(params.toRequest())
			.build()), params);
	}

	@PostMapping(path = "/events/{eventId}/sessions", consumes = "application/json")
	@Operation(summary = "Add a session", description = "Body: title, abstract, type, track, room, startsAt, endsAt, "
			+ "capacity, language, tags. The event's organizer or an administrator. 409 SCHEDULE_CONFLICT when the "
			+ "room is taken at that time.")
	ResponseEntity<SessionView> create(@PathVariable String eventId, @RequestBody Map<String, Object> body) {
		SessionView view = SessionView.of(this.sessions.createSession(SessionInputs.create(eventId, body)));
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + view.id())).eTag(view.etag()).body(view);
	}

	@GetMapping("/sessions/{id}")
	@Operation(summary = "Get a session", description = "Answers 304 when If-None-Match holds the current ETag.")
	ResponseEntity<SessionView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		SessionView view = SessionView.of(this.sessions.getSession(GetSessionRequest.newBuilder().setId(id).build()));
		if (view.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(view.etag()).build();
		}
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@PatchMapping(path = "/sessions/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a session", description = "JSON merge patch: fields given are changed, null clears. "
			+ "If-Match makes it conditional (412 when stale); 409 SCHEDULE_CONFLICT names the session in the way.")
	ResponseEntity<SessionView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.sessions.updateSession(SessionInputs.update(id, body, Etags.version(ifMatch))));
	}

	@PostMapping(path = "/sessions/{id}/cancel", consumes = "application/json")
	@Operation(summary = "Cancel a session", description = "Body: {\"reason\": \"...\"}. Frees its room and speakers.")
	ResponseEntity<SessionView> cancel(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (!(body.get("reason") instanceof String reason)) {
			throw ApiException.invalid("reason", "is required, a string of 1 to 500 characters");
		}
		return ok(this.sessions.cancelSession(CancelSessionRequest.newBuilder()
			.setId(id)
			.setReason(reason)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	@PutMapping(path = "/sessions/{id}/speakers/{userId}", consumes = "application/json")
	@Operation(summary = "Assign a speaker", description = "Body: {\"role\": \"SPEAKER|MODERATOR|PANELIST\"} (SPEAKER "
			+ "when absent); sets the role of someone already assigned. 409 SCHEDULE_CONFLICT when they speak elsewhere then.")
	ResponseEntity<SessionView> assign(@PathVariable String id, @PathVariable String userId,
			@RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Object role = body == null ? null : body.get("role");
		SpeakerRole speakerRole;
		try {
			speakerRole = role == null ? SpeakerRole.SPEAKER : SpeakerRole.valueOf(role.toString());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("role", "must be SPEAKER, MODERATOR or PANELIST");
		}
		return ok(this.sessions.assignSpeaker(AssignSpeakerRequest.newBuilder()
			.setSessionId(id)
			.setUserId(userId)
			.setRole(speakerRole)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	@DeleteMapping("/sessions/{id}/speakers/{userId}")
	@Operation(summary = "Unassign a speaker", description = "Answers the session without them.")
	ResponseEntity<SessionView> unassign(@PathVariable String id, @PathVariable String userId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.sessions.unassignSpeaker(UnassignSpeakerRequest.newBuilder()
			.setSessionId(id)
			.setUserId(userId)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	@GetMapping("/users/me/sessions")
	@Operation(summary = "The sessions you speak at", description = "Of events you may see, by start time; usual paging.")
	ResponseEntity<Page<SessionView>> mine(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		PageParams params = PageParams.from(query);
		return page(this.sessions.listMySessions(ListMySessionsRequest.newBuilder().setPage(params.toRequest()).build()),
				params);
	}

	private static ResponseEntity<Page<SessionView>> page(ListSessionsResponse response, PageParams params) {
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<SessionView> data = response.getEdgesList().stream().map(edge -> SessionView.of(edge.getSession())).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	private static ResponseEntity<SessionView> ok(Session session) {
		SessionView view = SessionView.of(session);
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

}
