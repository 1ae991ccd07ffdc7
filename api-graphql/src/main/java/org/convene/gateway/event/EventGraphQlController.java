package org.convene.gateway.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.BatchGetEventStatisticsRequest;
import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.BatchListSubEventsRequest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.EventOrder;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListEventsResponse;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.gateway.user.UserView;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/**
 * The {@code Event} type and its queries and mutations. Related data of a list of events
 * (organizer, parent, series, sub-events, statistics) is fetched with one batch call per
 * field, however long the list.
 */
@Controller
@SchemaMapping(typeName = "Event")
class EventGraphQlController {

	private final EventServiceBlockingStub events;

	private final UserServiceBlockingStub users;

	EventGraphQlController(EventServiceBlockingStub events, UserServiceBlockingStub users) {
		this.events = events;
		this.users = users;
	}

	@QueryMapping
	EventView event(@Argument String id) {
		return EventView.of(this.events.getEvent(GetEventRequest.newBuilder().setId(id).build()));
	}

	@QueryMapping
	Connection<EventView> events(@Argument Map<String, Object> filter, @Argument Map<String, Object> orderBy,
			@Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		ListEventsResponse response = this.events.listEvents(ListEventsRequest.newBuilder()
			.setFilter(EventInputs.filter(filter))
			.setOrder(order(orderBy))
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build());
		List<Connection.Edge<EventView>> edges = response.getEdgesList()
			.stream()
			.map(edge -> new Connection.Edge<>(edge.getCursor(), EventView.of(edge.getEvent())))
			.toList();
		long total = response.getPageInfo().getTotalSize();
		return new Connection<>(edges, Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	@MutationMapping
	Object createEvent(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.events.createEvent(EventInputs.create(input))));
	}

	@MutationMapping
	Object updateEvent(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		long expectedVersion = version(fields.remove("expectedVersion"));
		Object scope = fields.remove("scope");
		return UserErrors.orUserError(() -> result(this.events.updateEvent(EventInputs.update(id, fields, expectedVersion,
				scope == null ? UpdateScope.THIS_EVENT : UpdateScope.valueOf(scope.toString())))));
	}

	@MutationMapping
	Object publishEvent(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.events.publishEvent(PublishEventRequest.newBuilder()
			.setId((String) input.get("id"))
			.setExpectedVersion(version(input.get("expectedVersion")))
			.build())));
	}

	@MutationMapping
	Object cancelEvent(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.events.cancelEvent(CancelEventRequest.newBuilder()
			.setId((String) input.get("id"))
			.setReason((String) input.get("reason"))
			.setExpectedVersion(version(input.get("expectedVersion")))
			.build())));
	}

	@MutationMapping
	Object updateEventRecurrence(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> {
			List<org.convene.grpc.FieldViolation> violations = new java.util.ArrayList<>();
			var recurrence = EventInputs.recurrence(input.get("recurrence"), violations);
			if (!violations.isEmpty()) {
				throw new ApiException(ApiError.validation(violations));
			}
			return result(this.events.updateRecurrence(UpdateRecurrenceRequest.newBuilder()
				.setId((String) input.get("id"))
				.setRecurrence(recurrence)
				.setExpectedVersion(version(input.get("expectedVersion")))
				.build()));
		});
	}

	@BatchMapping
	Map<EventView, UserView> organizer(List<EventView> events) {
		List<String> ids = Batches.keys(events, EventView::organizerId);
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, UserView> users = this.users.batchGetUsers(BatchGetUsersRequest.newBuilder().addAllIds(ids).build())
			.getUsersList()
			.stream()
			.collect(Collectors.toMap(u -> u.getId(), UserView::of));
		return Batches.byKey(events, EventView::organizerId, users);
	}

	@BatchMapping
	Map<EventView, EventView> parent(List<EventView> events) {
		return related(events, EventView::parentId);
	}

	@BatchMapping
	Map<EventView, EventView> series(List<EventView> events) {
		return related(events, EventView::seriesId);
	}

	@BatchMapping
	Map<EventView, List<EventView>> subEvents(List<EventView> events) {
		Map<String, List<EventView>> lists = this.events
			.batchListSubEvents(BatchListSubEventsRequest.newBuilder()
				.addAllParentIds(Batches.keys(events, EventView::id))
				.setLimitPerParent(100)
				.build())
			.getListsList()
			.stream()
			.collect(Collectors.toMap(l -> l.getParentId(), l -> l.getEventsList().stream().map(EventView::of).toList()));
		Map<EventView, List<EventView>> result = new LinkedHashMap<>();
		events.forEach(event -> result.put(event, lists.getOrDefault(event.id(), List.of())));
		return result;
	}

	@BatchMapping
	Map<EventView, EventStatisticsView> statistics(List<EventView> events) {
		Map<String, EventStatisticsView> statistics = this.events
			.batchGetEventStatistics(BatchGetEventStatisticsRequest.newBuilder().addAllEventIds(Batches.keys(events, EventView::id)).build())
			.getStatisticsList()
			.stream()
			.collect(Collectors.toMap(s -> s.getEventId(), EventStatisticsView::of));
		return Batches.byKey(events, EventView::id, statistics);
	}

	private Map<EventView, EventView> related(List<EventView> events, Function<EventView, String> key) {
		List<String> ids = Batches.keys(events, key);
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, EventView> found = this.events.batchGetEvents(BatchGetEventsRequest.newBuilder().addAllIds(ids).build())
			.getEventsList()
			.stream()
			.collect(Collectors.toMap(e -> e.getId(), EventView::of));
		return Batches.byKey(events, key, found);
	}

	private static EventOrder order(Map<String, Object> orderBy) {
		if (orderBy == null) {
			return EventOrder.getDefaultInstance();
		}
		return EventOrder.newBuilder()
			.setField(EventOrder.Field.valueOf(String.valueOf(orderBy.getOrDefault("field", "START_TIME"))))
			.setDescending(Boolean.TRUE.equals(orderBy.get("descending")))
			.build();
	}

	private static long version(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private static EventResult result(org.convene.core.v1.proto.Event event) {
		return new EventResult(EventView.of(event));
	}

	/** The event a mutation produced. */
	record EventResult(EventView event) {
	}

}
