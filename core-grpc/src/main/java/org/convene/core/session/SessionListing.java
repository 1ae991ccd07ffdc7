package org.convene.core.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.convene.core.paging.Keyset;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.session.v1.proto.SessionFilter;
import org.convene.session.v1.proto.SessionStatus;

import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/** Turns a list request's filter into SQL; sessions are listed by start time, the id breaking ties. */
final class SessionListing {

	static final Keyset<Instant> KEYSET = Keyset.ofInstant("STARTS_AT:asc", SESSION.STARTS_AT, SESSION.ID, false);

	private SessionListing() {
	}

	/** The sessions of the event the filter selects. */
	static Condition condition(EventRecord event, SessionFilter filter) {
		List<FieldViolation> violations = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		conditions.add(SESSION.EVENT_ID.eq(event.getId()));
		if (!filter.getDay().isBlank()) {
			day(filter.getDay().strip(), ZoneId.of(event.getTimeZone()), conditions, violations);
		}
		if (!filter.getTrack().isBlank()) {
			conditions.add(SESSION.TRACK.eq(filter.getTrack().strip()));
		}
		if (!filter.getRoom().isBlank()) {
			conditions.add(DSL.lower(SESSION.ROOM).eq(filter.getRoom().strip().toLowerCase(Locale.ROOT)));
		}
		if (!filter.getSpeakerId().isBlank()) {
			try {
				UUID speaker = UUID.fromString(filter.getSpeakerId().strip());
				conditions.add(SESSION.ID.in(DSL.select(SESSION_SPEAKER.SESSION_ID)
					.from(SESSION_SPEAKER)
					.where(SESSION_SPEAKER.USER_ID.eq(speaker))));
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("speakerId", "must be a UUID"));
			}
		}
		if (filter.getTagsCount() > 0) {
			conditions.add(SESSION.TAGS.contains(filter.getTagsList()
				.stream()
				.map(tag -> tag.strip().toLowerCase(Locale.ROOT))
				.toArray(String[]::new)));
		}
		if (filter.getStatusesCount() > 0) {
			List<String> statuses = new ArrayList<>();
			for (SessionStatus status : filter.getStatusesList()) {
				if (status == SessionStatus.SESSION_STATUS_UNSPECIFIED || status == SessionStatus.UNRECOGNIZED) {
					violations.add(new FieldViolation("statuses", "contains an unknown value"));
				}
				else {
					statuses.add(status.name());
				}
			}
			conditions.add(SESSION.STATUS.in(statuses));
		}
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		return DSL.and(conditions);
	}

	/** Sessions running at any time of the day, midnight to midnight in the event's time zone. */
	private static void day(String value, ZoneId zone, List<Condition> conditions, List<FieldViolation> violations) {
		try {
			LocalDate day = LocalDate.parse(value);
			Instant start = day.atStartOfDay(zone).toInstant();
			Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
			conditions.add(SESSION.STARTS_AT.lt(end).and(SESSION.ENDS_AT.gt(start)));
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation("day", "must be a date such as 2026-09-14"));
		}
	}

}
