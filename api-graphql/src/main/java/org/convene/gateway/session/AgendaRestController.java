package org.convene.gateway.session;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaServiceGrpc.AgendaServiceBlockingStub;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.ListAgendaResponse;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;

/** The caller's personal agenda: {@code /api/v1/users/me/agenda}. */
@RestController
@RequestMapping(path = "/api/v1/users/me/agenda", produces = "application/json")
@Tag(name = "Sessions", description = "Sessions of events, their speakers and the schedule")
class AgendaRestController {

	private static final Set<String> LIST_PARAMETERS = Set.of("eventId", "page", "pageSize", "limit", "offset", "cursor");

	private final AgendaServiceBlockingStub agenda;

	AgendaRestController(AgendaServiceBlockingStub agenda) {
		this.agenda = agenda;
	}

	@GetMapping
	@Operation(summary = "Your agenda", description = "The sessions you added, by start time; cancelled ones stay, "
			+ "with status CANCELLED. Filter: eventId; paging: page+pageSize, limit+offset or cursor.")
	ResponseEntity<Page<AgendaEntryView>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!LIST_PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: "
						+ String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
			}
		}
		PageParams params = PageParams.from(query);
		ListAgendaRequest.Builder request = ListAgendaRequest.newBuilder().setPage(params.toRequest());
		if (query.getFirst("eventId") != null) {
			request.setEventId(query.getFirst("eventId"));
		}
		ListAgendaResponse response = this.agenda.listAgenda(request.build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<AgendaEntryView> data = response.getEdgesList().stream().map(edge -> AgendaEntryView.of(edge.getEntry())).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	@PutMapping("/{sessionId}")
	@Operation(summary = "Add a session to your agenda", description = "Idempotent. A session that requires a seat "
			+ "reserves one, which needs your confirmed registration for its event (409 INVALID_STATE_TRANSITION "
			+ "otherwise, and for a cancelled session); 409 SOLD_OUT when no seat is left.")
	ResponseEntity<AgendaEntryView> add(@PathVariable String sessionId) {
		return ResponseEntity.ok(AgendaEntryView
			.of(this.agenda.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId(sessionId).build())));
	}

	@DeleteMapping("/{sessionId}")
	@Operation(summary = "Remove a session from your agenda", description = "Frees your seat. Idempotent: 204 also "
			+ "when it was not there; 404 only when the session does not exist for you.")
	ResponseEntity<Void> remove(@PathVariable String sessionId) {
		this.agenda.removeFromAgenda(RemoveFromAgendaRequest.newBuilder().setSessionId(sessionId).build());
		return ResponseEntity.noContent().build();
	}

}
