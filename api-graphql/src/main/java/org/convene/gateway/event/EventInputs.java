package org.convene.gateway.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.FieldMask;

import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.gateway.web.ProtoInput;
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
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

	static UpdateEventRequest update(String id, Map<String, Object> fields, long expectedVersion, UpdateScope scope) {
		List<FieldViolation> violations = new ArrayList<>();
		EventDraft draft = draft(fields, violations);
		if (fields.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		ProtoInput.throwIfAny(violations);
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
		ProtoInput.mergeField("recurrence", value,
				"an object with rule (an RFC 5545 RRULE) and exdates (RFC 3339 date-times)", holder, violations);
		return holder.getRecurrence();
	}

	static EventFilter filter(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		EventFilter.Builder filter = EventFilter.newBuilder();
		if (input != null) {
			input.forEach((key, value) -> {
				if (value != null) {
					ProtoInput.mergeField(key, value, "a valid " + key, filter, violations);
				}
			});
		}
		ProtoInput.throwIfAny(violations);
		return filter.build();
	}

	private static EventDraft draft(Map<String, Object> fields, List<FieldViolation> violations) {
		EventDraft.Builder draft = EventDraft.newBuilder();
		ProtoInput.merge(fields, DRAFT_FIELDS, "is not a field of an event", draft, violations);
		return draft.build();
	}

}
