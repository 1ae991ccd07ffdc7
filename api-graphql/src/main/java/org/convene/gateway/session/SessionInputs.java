package org.convene.gateway.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.FieldMask;

import org.springframework.util.MultiValueMap;

import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.gateway.web.ProtoInput;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionFilter;
import org.convene.session.v1.proto.SessionStatus;
import org.convene.session.v1.proto.UpdateSessionRequest;

/** Reads session input — a REST body or a GraphQL input object — and list filters into requests. */
final class SessionInputs {

	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", "a string"),
			Map.entry("abstract", "a string"), Map.entry("type", "TALK, WORKSHOP, PANEL, KEYNOTE, BREAK or OTHER"),
			Map.entry("track", "a string"), Map.entry("room", "a string"),
			Map.entry("startsAt", "an RFC 3339 date-time"), Map.entry("endsAt", "an RFC 3339 date-time"),
			Map.entry("capacity", "a positive integer, or null for no limit of its own"),
			Map.entry("language", "a BCP 47 language tag such as en"), Map.entry("tags", "an array of strings"),
			Map.entry("requiresSeat", "true or false; true needs a capacity"));

	private static final Set<String> LIST_PARAMETERS = Set.of("day", "track", "room", "speakerId", "tag", "status",
			"page", "pageSize", "limit", "offset", "cursor");

	private SessionInputs() {
	}

	static CreateSessionRequest create(String eventId, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		SessionDraft draft = draft(input, violations);
		ProtoInput.throwIfAny(violations);
		return CreateSessionRequest.newBuilder().setEventId(eventId).setSession(draft).build();
	}

	/** Fields given are changed; null clears (or restores the default). */
	static UpdateSessionRequest update(String id, Map<String, Object> input, long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		SessionDraft draft = draft(input, violations);
		if (input.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		ProtoInput.throwIfAny(violations);
		return UpdateSessionRequest.newBuilder()
			.setId(id)
			.setSession(draft)
			.setUpdateMask(FieldMask.newBuilder().addAllPaths(input.keySet()))
			.setExpectedVersion(expectedVersion)
			.build();
	}

	/** A GraphQL filter input ({@code day}, {@code track}, {@code room}, {@code speakerId}, {@code tags}, {@code statuses}). */
	static SessionFilter filter(Map<String, Object> input) {
		SessionFilter.Builder filter = SessionFilter.newBuilder();
		if (input == null) {
			return filter.build();
		}
		List<FieldViolation> violations = new ArrayList<>();
		ProtoInput.merge(input, Map.of("day", "a date such as 2026-09-14", "track", "a string", "room", "a string",
				"speakerId", "a user id (UUID)", "tags", "an array of strings", "statuses", "SCHEDULED or CANCELLED"),
				"is not a filter of sessions", filter, violations);
		ProtoInput.throwIfAny(violations);
		return filter.build();
	}

	/** The REST list parameters: {@code day}, {@code track}, {@code room}, {@code speakerId}, {@code tag}, {@code status}. */
	static SessionFilter filter(MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!LIST_PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of this list; known: "
						+ String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
			}
		}
		SessionFilter.Builder filter = SessionFilter.newBuilder();
		if (query.getFirst("day") != null) {
			filter.setDay(query.getFirst("day"));
		}
		if (query.getFirst("track") != null) {
			filter.setTrack(query.getFirst("track"));
		}
		if (query.getFirst("room") != null) {
			filter.setRoom(query.getFirst("room"));
		}
		if (query.getFirst("speakerId") != null) {
			filter.setSpeakerId(query.getFirst("speakerId"));
		}
		filter.addAllTags(values(query.get("tag")));
		for (String status : values(query.get("status"))) {
			try {
				filter.addStatuses(SessionStatus.valueOf(status.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("status", "must be SCHEDULED or CANCELLED");
			}
		}
		return filter.build();
	}

	private static SessionDraft draft(Map<String, Object> input, List<FieldViolation> violations) {
		SessionDraft.Builder draft = SessionDraft.newBuilder();
		ProtoInput.merge(input, FIELDS, "is not a field of a session", draft, violations);
		return draft.build();
	}

	/** Repeated parameters and comma-separated values both work. */
	private static List<String> values(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

}
