package org.convene.gateway.event;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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

import org.convene.gateway.web.Etags;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListEventsResponse;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/** The Events API of spec 4.1 under {@code /api/v1/events}. */
@RestController
@RequestMapping(path = "/api/v1/events", produces = "application/json")
@Tag(name = "Events", description = "Events, their series and sub-events")
class EventRestController {

	private final EventServiceBlockingStub events;

	EventRestController(EventServiceBlockingStub events) {
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "List events", description = "Filters: status, from, to, organizerId, tag, q, parentId, "
			+ "seriesId, kind, topLevelOnly, visibility; sort: startsAt, title, createdAt (prefix - for descending); "
			+ "paging: page+pageSize, limit+offset or cursor (at most 100 per page).")
	ResponseEntity<Page<EventView>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return page(EventListQuery.filter(query), query);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an event", description = "Answers 304 when If-None-Match holds the current ETag.")
	ResponseEntity<EventView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		EventView event = EventView.of(this.events.getEvent(GetEventRequest.newBuilder().setId(id).build()));
		if (event.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(event.etag()).build();
		}
		return ResponseEntity.ok().eTag(event.etag()).body(event);
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Create an event", description = "Creates a DRAFT event; with recurrence a series and its "
			+ "occurrences, with parentId a sub-event.")
	ResponseEntity<EventView> create(@RequestBody Map<String, Object> body) {
		return created(this.events.createEvent(EventInputs.create(body)));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change an event", description = "JSON merge patch: fields given are changed, null clears. "
			+ "If-Match makes it conditional (412 when stale). scope=THIS_AND_FOLLOWING on occurrences and series.")
	ResponseEntity<EventView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(defaultValue = "THIS_EVENT") UpdateScope scope) {
		if (scope == UpdateScope.UNRECOGNIZED || scope == UpdateScope.UPDATE_SCOPE_UNSPECIFIED) {
			throw ApiException.invalid("scope", "must be THIS_EVENT or THIS_AND_FOLLOWING");
		}
		return ok(this.events.updateEvent(EventInputs.update(id, body, Etags.version(ifMatch), scope)));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish a draft event")
	ResponseEntity<EventView> publish(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.events.publishEvent(
				PublishEventRequest.newBuilder().setId(id).setExpectedVersion(Etags.version(ifMatch)).build()));
	}

	@PostMapping(path = "/{id}/cancel", consumes = "application/json")
	@Operation(summary = "Cancel an event", description = "Body: {\"reason\": \"...\"}. Cancels sub-events and future occurrences too.")
	ResponseEntity<EventView> cancel(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (!(body.get("reason") instanceof String reason)) {
			throw ApiException.invalid("reason", "is required, a string of 1 to 500 characters");
		}
		return ok(this.events.cancelEvent(CancelEventRequest.newBuilder()
			.setId(id)
			.setReason(reason)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	@GetMapping("/{id}/statistics")
	@Operation(summary = "Registration counts and remaining capacity of an event")
	EventStatisticsView statistics(@PathVariable String id) {
		return EventStatisticsView.of(this.events.getEventStatistics(GetEventStatisticsRequest.newBuilder().setEventId(id).build()));
	}

	@GetMapping("/{id}/sub-events")
	@Operation(summary = "List the sub-events of an event", description = "Same filters and paging as the event list.")
	ResponseEntity<Page<EventView>> subEvents(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return page(EventListQuery.filter(query).toBuilder().setParentId(id).build(), query);
	}

	@PostMapping(path = "/{id}/sub-events", consumes = "application/json")
	@Operation(summary = "Create a sub-event", description = "It must lie within the parent's time.")
	ResponseEntity<EventView> createSubEvent(@PathVariable String id, @RequestBody Map<String, Object> body) {
		Map<String, Object> fields = new LinkedHashMap<>(body);
		fields.put("parentId", id);
		return created(this.events.createEvent(EventInputs.create(fields)));
	}

	@GetMapping("/{id}/occurrences")
	@Operation(summary = "List the occurrences of a series", description = "Same filters and paging as the event list.")
	ResponseEntity<Page<EventView>> occurrences(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return page(EventListQuery.filter(query).toBuilder().setSeriesId(id).build(), query);
	}

	@PutMapping(path = "/{id}/recurrence", consumes = "application/json")
	@Operation(summary = "Replace the recurrence of a series", description = "Body: {\"rule\": \"FREQ=...\", "
			+ "\"exdates\": [...]}. Occurrences leaving the set are cancelled, new ones created.")
	ResponseEntity<EventView> replaceRecurrence(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		List<FieldViolation> violations = new ArrayList<>();
		var recurrence = EventInputs.recurrence(body, violations);
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		return ok(this.events.updateRecurrence(UpdateRecurrenceRequest.newBuilder()
			.setId(id)
			.setRecurrence(recurrence)
			.setExpectedVersion(Etags.version(ifMatch))
			.build()));
	}

	private ResponseEntity<Page<EventView>> page(EventFilter filter, MultiValueMap<String, String> query) {
		PageParams params = PageParams.from(query);
		ListEventsResponse response = this.events.listEvents(ListEventsRequest.newBuilder()
			.setFilter(filter)
			.setOrder(EventListQuery.order(query.getFirst("sort")))
			.setPage(params.toRequest())
			.build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<EventView> data = response.getEdgesList().stream().map(edge -> EventView.of(edge.getEvent())).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	private static ResponseEntity<EventView> created(Event event) {
		EventView view = EventView.of(event);
		return ResponseEntity.created(URI.create("/api/v1/events/" + view.id())).eTag(view.etag()).body(view);
	}

	private static ResponseEntity<EventView> ok(Event event) {
		EventView view = EventView.of(event);
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

}
