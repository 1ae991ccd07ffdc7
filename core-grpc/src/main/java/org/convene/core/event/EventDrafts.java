package org.convene.core.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;

import org.convene.core.grpc.UpdateMasks;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.Venue;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.EventRecord;

/**
 * Copies the writable fields of an {@link EventDraft} onto an event row: all of them on
 * create, the ones an update mask names on update. Values are normalised on the way
 * (trimmed title, lower-case tags); what cannot be read is reported as a violation.
 */
final class EventDrafts {

	/** The writable fields, in the snake_case of the proto. */
	static final Set<String> FIELDS = Set.of("title", "description", "starts_at", "ends_at", "time_zone", "venue",
			"capacity", "tags", "organizer_id", "visibility");

	static final Set<String> TIME_FIELDS = Set.of("starts_at", "ends_at", "time_zone");

	private EventDrafts() {
	}

	/** The fields an update mask names, in snake_case; unknown names are violations. */
	static Set<String> paths(FieldMask mask, List<FieldViolation> violations) {
		return UpdateMasks.paths(mask, FIELDS, "an event", violations);
	}

	static void apply(EventDraft draft, Set<String> paths, EventRecord row, List<FieldViolation> violations) {
		for (String path : paths) {
			switch (path) {
				case "title" -> row.setTitle(draft.getTitle().strip());
				case "description" -> row.setDescription(draft.getDescription().strip());
				case "starts_at" -> row.setStartsAt(draft.hasStartsAt() ? EventRecords.stored(ProtoTime.toInstant(draft.getStartsAt())) : null);
				case "ends_at" -> row.setEndsAt(draft.hasEndsAt() ? EventRecords.stored(ProtoTime.toInstant(draft.getEndsAt())) : null);
				case "time_zone" -> row.setTimeZone(draft.getTimeZone().strip());
				case "venue" -> row.setVenue(isEmpty(draft.getVenue()) ? null : EventRecords.venueJson(draft.getVenue()));
				case "capacity" -> row.setCapacity(draft.hasCapacity() ? draft.getCapacity() : null);
				case "tags" -> row.setTags(tags(draft.getTagsList()));
				case "organizer_id" -> row.setOrganizerId(uuid(draft.getOrganizerId(), "organizerId", violations));
				case "visibility" -> row.setVisibility(visibility(draft.getVisibility(), violations));
				default -> throw new IllegalArgumentException(path);
			}
		}
	}

	private static boolean isEmpty(Venue venue) {
		return venue.equals(Venue.getDefaultInstance());
	}

	private static String[] tags(List<String> tags) {
		Set<String> normalised = new LinkedHashSet<>();
		for (String tag : tags) {
			normalised.add(tag.strip().toLowerCase(Locale.ROOT));
		}
		return new ArrayList<>(normalised).toArray(String[]::new);
	}

	private static String visibility(Visibility visibility, List<FieldViolation> violations) {
		return switch (visibility) {
			case VISIBILITY_UNSPECIFIED -> Visibility.PUBLIC.name();
			case PUBLIC, UNLISTED, PRIVATE -> visibility.name();
			case UNRECOGNIZED -> {
				violations.add(new FieldViolation("visibility", "must be PUBLIC, UNLISTED or PRIVATE"));
				yield Visibility.PUBLIC.name();
			}
		};
	}

	static UUID uuid(String value, String field, List<FieldViolation> violations) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "must be a UUID"));
			return null;
		}
	}

}
