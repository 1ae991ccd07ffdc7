package org.convene.gateway.event;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/**
 * The one conversion of event input, from a REST JSON body or a GraphQL input object, into
 * the request core-grpc takes. Field names are the JSON names of the proto messages, so
 * the same input means the same thing through every door. Each field is read on its own,
 * so a type error names the field it is in.
 */
final class EventInputs {

	/** The writable fields and what each expects, for error messages. */
	static final Map<String, String> DRAFT_FIELDS = Map.ofEntries(Map.entry("title", "a string"),
			Map.entry("description", "a string"),
			Map.entry("startsAt", "an RFC 3339 date-time with offset, e.g. 2026-05-04T18:00:00+02:00"),
			Map.entry("endsAt", "an RFC 3339 date-time with offset, e.g. 2026-05-04T20:00:00+02:00"),
			Map.entry("timeZone", "an IANA time zone such as Europe/Berlin"),
			Map.entry("venue", "an object with name, address {line1, line2, city, region, postalCode, country} and/or online {url, platform}"),
			Map.entry("capacity", "a positive integer, or null for unlimited"), Map.entry("tags", "an array of strings"),
			Map.entry("organizerId", "a user id (UUID)"), Map.entry("visibility", "PUBLIC, UNLISTED or PRIVATE"));

	private static final Gson GSON = new GsonBuilder().create();

	private EventInputs() {
	}

	static CreateEventRequest create(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, Object> fields = new LinkedHashMap<>(input);
		CreateEventRequest.Builder request = CreateEventRequest.newBuilder();
		Object parentId = fields.remove("parentId");
		if (parentId != null) {
			request.setParentId(parentId.toString());
		}
		Object recurrence = fields.remove("recurrence");
		if (recurrence != null) {
			request.setRecurrence(recurrence(recurrence, violations));
		}
		request.setEvent(draft(fields, violations));
		throwIfAny(violations);
		return request.build();
	}

	static UpdateEventRequest update(String id, Map<String, Object> fields, long expectedVersion, UpdateScope scope) {
		List<FieldViolation> violations = new ArrayList<>();
		EventDraft draft = draft(fields, violations);
		if (fields.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		throwIfAny(violations);
		return UpdateEventRequest.newBuilder()
			.setId(id)
			.setEvent(draft)
			.setUpdateMask(FieldMask.newBuilder().addAllPaths(fields.keySet()))
			.setExpectedVersion(expectedVersion)
			.setScope(scope)
			.build();
	}

	static Recurrence recurrence(Object value, List<FieldViolation> violations) {
		CreateEventRequest.Builder holder = CreateEventRequest.newBuilder();
		merge(Map.of("recurrence", value), "recurrence",
				"an object with rule (an RFC 5545 RRULE) and exdates (RFC 3339 date-times)", holder, violations);
		return holder.getRecurrence();
	}

	static EventFilter filter(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		EventFilter.Builder filter = EventFilter.newBuilder();
		if (input != null) {
			input.forEach((key, value) -> {
				if (value != null) {
					merge(Map.of(key, value), key, "a valid " + key, filter, violations);
				}
			});
		}
		throwIfAny(violations);
		return filter.build();
	}

	private static EventDraft draft(Map<String, Object> fields, List<FieldViolation> violations) {
		EventDraft.Builder draft = EventDraft.newBuilder();
		fields.forEach((key, value) -> {
			String expected = DRAFT_FIELDS.get(key);
			if (expected == null) {
				violations.add(new FieldViolation(key, "is not a field of an event"));
			}
			else if (value != null) {
				merge(Map.of(key, value), key, expected, draft, violations);
			}
		});
		return draft.build();
	}

	private static void merge(Map<String, Object> field, String name, String expected, Message.Builder target,
			List<FieldViolation> violations) {
		try {
			JsonFormat.parser().merge(GSON.toJson(plain(field)), target);
		}
		catch (InvalidProtocolBufferException | RuntimeException ex) {
			violations.add(new FieldViolation(name, "must be " + expected));
		}
	}

	/** Date-times become their ISO text, so JSON carries them as the proto parser expects. */
	private static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k.toString(), plain(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EventInputs::plain).toList();
		}
		if (value instanceof TemporalAccessor temporal) {
			return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(temporal);
		}
		return value;
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

}
