package org.convene.gateway.event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventOrder;
import org.convene.grpc.ApiException;

/** The REST list parameters of events: filters and sort. Paging is read by {@code PageParams}. */
final class EventListQuery {

	private static final Set<String> KNOWN = Set.of("status", "from", "to", "organizerId", "tag", "q", "parentId",
			"seriesId", "kind", "topLevelOnly", "visibility", "sort", "page", "pageSize", "limit", "offset", "cursor");

	private EventListQuery() {
	}

	static EventFilter filter(MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!KNOWN.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: " + String.join(", ", KNOWN.stream().sorted().toList()));
			}
		}
		Map<String, Object> filter = new LinkedHashMap<>();
		putList(filter, "statuses", query.get("status"), true);
		putOne(filter, "from", query.getFirst("from"));
		putOne(filter, "to", query.getFirst("to"));
		putOne(filter, "organizerId", query.getFirst("organizerId"));
		putList(filter, "tags", query.get("tag"), false);
		putOne(filter, "query", query.getFirst("q"));
		putOne(filter, "parentId", query.getFirst("parentId"));
		putOne(filter, "seriesId", query.getFirst("seriesId"));
		putList(filter, "kinds", query.get("kind"), true);
		putList(filter, "visibilities", query.get("visibility"), true);
		String topLevel = query.getFirst("topLevelOnly");
		if (topLevel != null) {
			if (!topLevel.equals("true") && !topLevel.equals("false")) {
				throw ApiException.invalid("topLevelOnly", "must be true or false");
			}
			filter.put("topLevelOnly", Boolean.parseBoolean(topLevel));
		}
		return EventInputs.filter(filter);
	}

	static EventOrder order(String sort) {
		if (sort == null || sort.isBlank()) {
			return EventOrder.getDefaultInstance();
		}
		boolean descending = sort.startsWith("-");
		EventOrder.Field field = switch (descending ? sort.substring(1) : sort) {
			case "startsAt" -> EventOrder.Field.START_TIME;
			case "title" -> EventOrder.Field.TITLE;
			case "createdAt" -> EventOrder.Field.CREATED_AT;
			default -> throw ApiException.invalid("sort", "must be startsAt, title or createdAt, optionally prefixed with -");
		};
		return EventOrder.newBuilder().setField(field).setDescending(descending).build();
	}

	private static void putOne(Map<String, Object> filter, String name, String value) {
		if (value != null && !value.isBlank()) {
			filter.put(name, value.strip());
		}
	}

	/** Repeated parameters and comma-separated values both work: {@code status=DRAFT&status=PUBLISHED} or {@code status=DRAFT,PUBLISHED}. */
	private static void putList(Map<String, Object> filter, String name, List<String> values, boolean upperCase) {
		if (values == null) {
			return;
		}
		List<String> items = values.stream()
			.flatMap(v -> Arrays.stream(v.split(",")))
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.map(v -> upperCase ? v.toUpperCase(java.util.Locale.ROOT) : v)
			.toList();
		if (!items.isEmpty()) {
			filter.put(name, items);
		}
	}

}
