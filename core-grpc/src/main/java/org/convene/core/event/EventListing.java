package org.convene.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.convene.core.paging.Keyset;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.EventOrder;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;

import static org.convene.schema.core.Tables.EVENT;

/** Turns a list request's filter and order into SQL. */
final class EventListing {

	private EventListing() {
	}

	static Condition condition(EventFilter filter) {
		List<FieldViolation> violations = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		if (filter.getStatusesCount() > 0) {
			conditions.add(EVENT.STATUS.in(names(filter.getStatusesList(), EventStatus.EVENT_STATUS_UNSPECIFIED,
					"statuses", violations)));
		}
		if (filter.hasFrom()) {
			conditions.add(EVENT.ENDS_AT.gt(ProtoTime.toInstant(filter.getFrom())));
		}
		if (filter.hasTo()) {
			conditions.add(EVENT.STARTS_AT.lt(ProtoTime.toInstant(filter.getTo())));
		}
		if (filter.hasFrom() && filter.hasTo()) {
			Instant from = ProtoTime.toInstant(filter.getFrom());
			if (!from.isBefore(ProtoTime.toInstant(filter.getTo()))) {
				violations.add(new FieldViolation("to", "must be after from"));
			}
		}
		UUID organizer = EventDrafts.uuid(filter.getOrganizerId(), "organizerId", violations);
		if (organizer != null) {
			conditions.add(EVENT.ORGANIZER_ID.eq(organizer));
		}
		if (filter.getTagsCount() > 0) {
			conditions.add(EVENT.TAGS.contains(filter.getTagsList()
				.stream()
				.map(t -> t.strip().toLowerCase(Locale.ROOT))
				.toArray(String[]::new)));
		}
		if (!filter.getQuery().isBlank()) {
			if (filter.getQuery().length() > 200) {
				violations.add(new FieldViolation("query", "must be at most 200 characters"));
			}
			conditions.add(DSL.condition("{0} @@ websearch_to_tsquery('english', {1})", EVENT.SEARCH, filter.getQuery()));
		}
		UUID parent = EventDrafts.uuid(filter.getParentId(), "parentId", violations);
		if (parent != null) {
			conditions.add(EVENT.PARENT_ID.eq(parent));
		}
		UUID series = EventDrafts.uuid(filter.getSeriesId(), "seriesId", violations);
		if (series != null) {
			conditions.add(EVENT.SERIES_ID.eq(series));
		}
		conditions.add(EVENT.KIND.in(filter.getKindsCount() == 0
				? List.of(EventKind.STANDALONE.name(), EventKind.OCCURRENCE.name())
				: names(filter.getKindsList(), EventKind.EVENT_KIND_UNSPECIFIED, "kinds", violations)));
		if (filter.getTopLevelOnly()) {
			conditions.add(EVENT.PARENT_ID.isNull());
		}
		if (filter.getVisibilitiesCount() > 0) {
			conditions.add(EVENT.VISIBILITY.in(names(filter.getVisibilitiesList(), Visibility.VISIBILITY_UNSPECIFIED,
					"visibilities", violations)));
		}
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		return DSL.and(conditions);
	}

	static Keyset<?> keyset(EventOrder order) {
		boolean descending = order.getDescending();
		String direction = descending ? ":desc" : ":asc";
		return switch (order.getField()) {
			case FIELD_UNSPECIFIED, START_TIME -> Keyset.ofInstant("START_TIME" + direction, EVENT.STARTS_AT, EVENT.ID,
					descending);
			case CREATED_AT -> Keyset.ofInstant("CREATED_AT" + direction, EVENT.CREATED_AT, EVENT.ID, descending);
			case TITLE -> new Keyset<>("TITLE" + direction, EVENT.TITLE, EVENT.ID, descending, t -> t, t -> t);
			case UNRECOGNIZED -> throw ApiException.invalid("orderBy", "must be START_TIME, TITLE or CREATED_AT");
		};
	}

	private static <E extends Enum<E>> List<String> names(List<E> values, E unspecified, String field,
			List<FieldViolation> violations) {
		List<String> names = new ArrayList<>();
		for (E value : values) {
			if (value == unspecified || "UNRECOGNIZED".equals(value.name())) {
				violations.add(new FieldViolation(field, "contains an unknown value"));
			}
			else {
				names.add(value.name());
			}
		}
		return names;
	}

}
