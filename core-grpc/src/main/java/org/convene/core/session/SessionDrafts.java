package org.convene.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.protobuf.FieldMask;

import org.convene.core.grpc.UpdateMasks;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionType;

/**
 * Copies the writable fields of a {@link SessionDraft} onto a session row (all on create,
 * the masked ones on update) and checks the rules every stored session keeps. The database
 * checks them again; these checks name every invalid field at once.
 */
final class SessionDrafts {

	static final Set<String> FIELDS = Set.of("title", "abstract", "type", "track", "room", "starts_at", "ends_at",
			"capacity", "language", "tags", "requires_seat");

	static final int MAX_TAGS = 20;

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

	private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 _-]{0,39}");

	private SessionDrafts() {
	}

	/** The fields an update mask names, in snake_case; unknown names are violations. */
	static Set<String> paths(FieldMask mask, List<FieldViolation> violations) {
		return UpdateMasks.paths(mask, FIELDS, "a session", violations);
	}

	static void apply(SessionDraft draft, Set<String> paths, SessionRecord row, List<FieldViolation> violations) {
		for (String path : paths) {
			switch (path) {
				case "title" -> row.setTitle(draft.getTitle().strip());
				case "abstract" -> row.setAbstract(draft.getAbstract().strip());
				case "type" -> row.setType(type(draft.getType(), violations));
				case "track" -> row.setTrack(blankToNull(draft.getTrack()));
				case "room" -> row.setRoom(blankToNull(draft.getRoom()));
				case "starts_at" -> row.setStartsAt(draft.hasStartsAt() ? stored(draft.getStartsAt()) : null);
				case "ends_at" -> row.setEndsAt(draft.hasEndsAt() ? stored(draft.getEndsAt()) : null);
				case "capacity" -> row.setCapacity(draft.hasCapacity() ? draft.getCapacity() : null);
				case "language" -> row.setLanguage(blankToNull(draft.getLanguage()));
				case "tags" -> row.setTags(draft.getTagsList()
					.stream()
					.map(tag -> tag.strip().toLowerCase(Locale.ROOT))
					.distinct()
					.toArray(String[]::new));
				case "requires_seat" -> row.setRequiresSeat(draft.getRequiresSeat());
				default -> throw new IllegalArgumentException(path);
			}
		}
	}

	/** The rules of the whole row, after the draft was applied, within its event. */
	static void check(SessionRecord row, EventRecord event, List<FieldViolation> violations) {
		if (row.getTitle() == null || row.getTitle().isEmpty() || row.getTitle().length() > 200) {
			violations.add(new FieldViolation("title", "is required, 1 to 200 characters"));
		}
		if (row.getAbstract() != null && row.getAbstract().length() > 10_000) {
			violations.add(new FieldViolation("abstract", "must be at most 10000 characters"));
		}
		if (row.getTrack() != null && row.getTrack().length() > 100) {
			violations.add(new FieldViolation("track", "must be at most 100 characters"));
		}
		if (row.getRoom() != null && row.getRoom().length() > 100) {
			violations.add(new FieldViolation("room", "must be at most 100 characters"));
		}
		if (row.getCapacity() != null && (row.getCapacity() < 1 || row.getCapacity() > 1_000_000)) {
			violations.add(new FieldViolation("capacity", "must be between 1 and 1000000, or absent for no limit"));
		}
		if (row.getLanguage() != null && (row.getLanguage().length() > 35 || !LANGUAGE.matcher(row.getLanguage()).matches())) {
			violations.add(new FieldViolation("language", "must be a BCP 47 language tag such as 'en' or 'de-CH'"));
		}
		String[] tags = row.getTags();
		if (tags.length > MAX_TAGS) {
			violations.add(new FieldViolation("tags", "at most " + MAX_TAGS + " tags, was " + tags.length));
		}
		for (int i = 0; i < tags.length; i++) {
			if (!TAG.matcher(tags[i]).matches()) {
				violations.add(new FieldViolation("tags[" + i + "]", "must be 1 to 40 letters, digits, spaces, '-' or '_'"));
			}
		}
		if (Boolean.TRUE.equals(row.getRequiresSeat()) && row.getCapacity() == null) {
			violations.add(new FieldViolation("requiresSeat", "needs a capacity: the number of seats"));
		}
		checkTime(row, event, violations);
	}

	private static void checkTime(SessionRecord row, EventRecord event, List<FieldViolation> violations) {
		Instant start = row.getStartsAt();
		Instant end = row.getEndsAt();
		if (start == null) {
			violations.add(new FieldViolation("startsAt", "is required"));
		}
		if (end == null) {
			violations.add(new FieldViolation("endsAt", "is required"));
		}
		if (start == null || end == null) {
			return;
		}
		if (!end.isAfter(start)) {
			violations.add(new FieldViolation("endsAt", "must be after startsAt"));
		}
		if (start.isBefore(event.getStartsAt())) {
			violations.add(new FieldViolation("startsAt", "must not be before the event starts (" + event.getStartsAt() + ")"));
		}
		if (end.isAfter(event.getEndsAt())) {
			violations.add(new FieldViolation("endsAt", "must not be after the event ends (" + event.getEndsAt() + ")"));
		}
	}

	private static String type(SessionType type, List<FieldViolation> violations) {
		return switch (type) {
			case SESSION_TYPE_UNSPECIFIED -> SessionType.TALK.name();
			case UNRECOGNIZED -> {
				violations.add(new FieldViolation("type", "must be TALK, WORKSHOP, PANEL, KEYNOTE, BREAK or OTHER"));
				yield SessionType.TALK.name();
			}
			default -> type.name();
		};
	}

	private static String blankToNull(String value) {
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static Instant stored(com.google.protobuf.Timestamp timestamp) {
		return ProtoTime.toInstant(timestamp).truncatedTo(ChronoUnit.MICROS);
	}

}
