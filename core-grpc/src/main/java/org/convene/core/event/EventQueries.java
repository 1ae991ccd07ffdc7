package org.convene.core.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.paging.Keyset;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.core.v1.proto.BatchListSubEventsResponse;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventEdge;
import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListEventsResponse;
import org.convene.core.v1.proto.SubEventList;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;

/** Reads events: one, many, a page of a list, statistics and sub-events. */
@Service
@Transactional(readOnly = true)
class EventQueries {

	static final int MAX_BATCH = 100;

	private final DSLContext db;

	private final EventRepository events;

	private final EventStatisticsQuery statistics;

	EventQueries(DSLContext db, EventRepository events, EventStatisticsQuery statistics) {
		this.db = db;
		this.events = events;
		this.statistics = statistics;
	}

	Event get(String id) {
		Caller caller = caller();
		return EventRecords.toProto(EventAccess.visible(caller, this.events.get(RequestIds.uuid(id, "id"))));
	}

	List<Event> getAll(List<String> ids) {
		Caller caller = caller();
		return this.events.findAll(ids(ids, "ids"))
			.stream()
			.filter(event -> EventAccess.canSee(caller, event))
			.map(EventRecords::toProto)
			.toList();
	}

	ListEventsResponse list(ListEventsRequest request) {
		Keyset<?> keyset = EventListing.keyset(request.getOrder());
		PageSpec spec = PageSpec.of(request.getPage(), keyset);
		Page<EventRecord> page = Pager.fetch(this.db, EVENT,
				EventListing.condition(request.getFilter()).and(EventAccess.listable(caller())), keyset, spec);
		ListEventsResponse.Builder response = ListEventsResponse.newBuilder().setPageInfo(page.info());
		for (int i = 0; i < page.items().size(); i++) {
			response.addEdges(EventEdge.newBuilder()
				.setEvent(EventRecords.toProto(page.items().get(i)))
				.setCursor(page.cursors().get(i)));
		}
		return response.build();
	}

	EventStatistics statistics(String eventId) {
		UUID id = RequestIds.uuid(eventId, "id");
		EventRecord event = this.events.find(id);
		if (event == null || !EventAccess.canSee(caller(), event)) {
			throw ApiException.notFound("event", eventId, "eventId");
		}
		return this.statistics.of(List.of(id)).get(0);
	}

	List<EventStatistics> statistics(List<String> eventIds) {
		return this.statistics.of(visibleIds(caller(), ids(eventIds, "eventIds")));
	}

	BatchListSubEventsResponse subEvents(List<String> parentIds, int limitPerParent) {
		int limit = limitPerParent == 0 ? PageSpec.DEFAULT_SIZE : limitPerParent;
		if (limit < 1 || limit > PageSpec.MAX_SIZE) {
			throw ApiException.invalid("limitPerParent", "must be between 1 and " + PageSpec.MAX_SIZE);
		}
		Caller caller = caller();
		Set<UUID> requested = ids(parentIds, "parentIds");
		Map<UUID, List<EventRecord>> byParent = this.events.subEvents(visibleIds(caller, requested), limit);
		BatchListSubEventsResponse.Builder response = BatchListSubEventsResponse.newBuilder();
		for (UUID parent : requested) {
			List<EventRecord> children = byParent.getOrDefault(parent, List.of())
				.stream()
				.filter(child -> EventAccess.canSee(caller, child))
				.toList();
			SubEventList.Builder list = SubEventList.newBuilder()
				.setParentId(parent.toString())
				.setTruncated(children.size() > limit);
			children.stream().limit(limit).map(EventRecords::toProto).forEach(list::addEvents);
			response.addLists(list);
		}
		return response.build();
	}

	/** The caller of the current call, who needs events:read unless anonymous. */
	private static Caller caller() {
		Caller caller = RequestContext.current().caller();
		EventAccess.requireRead(caller);
		return caller;
	}

	private Set<UUID> visibleIds(Caller caller, Set<UUID> ids) {
		return this.events.findAll(ids)
			.stream()
			.filter(event -> EventAccess.canSee(caller, event))
			.map(EventRecord::getId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static Set<UUID> ids(List<String> values, String field) {
		if (values.size() > MAX_BATCH) {
			throw ApiException.invalid(field, "at most " + MAX_BATCH + " ids per call");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		List<String> invalid = new ArrayList<>();
		for (String value : values) {
			try {
				ids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				invalid.add(value);
			}
		}
		if (!invalid.isEmpty()) {
			throw ApiException.invalid(field, "must be UUIDs; not: " + String.join(", ", invalid));
		}
		return ids;
	}

}
