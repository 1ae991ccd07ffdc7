package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.jooq.JSONB;

import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.Venue;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.EventRecord;

/** Turns stored event rows into their API form, and venues into and out of JSON. */
final class EventRecords {

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

	private EventRecords() {
	}

	/** Now, at the microsecond precision PostgreSQL stores, so written and read values are equal. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static Event toProto(EventRecord row) {
		Event.Builder event = Event.newBuilder()
			.setId(row.getId().toString())
			.setKind(EventKind.valueOf(row.getKind()))
			.setTitle(row.getTitle())
			.setDescription(row.getDescription())
			.setStartsAt(ProtoTime.of(row.getStartsAt()))
			.setEndsAt(ProtoTime.of(row.getEndsAt()))
			.setTimeZone(row.getTimeZone())
			.setStatus(EventStatus.valueOf(row.getStatus()))
			.setVisibility(Visibility.valueOf(row.getVisibility()))
			.addAllTags(Arrays.asList(row.getTags()))
			.setDetached(row.getDetached())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
			.setVersion(row.getVersion());
		if (row.getVenue() != null) {
			event.setVenue(venue(row.getVenue()));
		}
		if (row.getCapacity() != null) {
			event.setCapacity(row.getCapacity());
		}
		if (row.getOrganizerId() != null) {
			event.setOrganizerId(row.getOrganizerId().toString());
		}
		if (row.getParentId() != null) {
			event.setParentId(row.getParentId().toString());
		}
		if (row.getSeriesId() != null) {
			event.setSeriesId(row.getSeriesId().toString());
		}
		if (row.getRecurrenceRule() != null) {
			Recurrence.Builder recurrence = Recurrence.newBuilder().setRule(row.getRecurrenceRule());
			Arrays.stream(row.getRecurrenceExdates()).map(t -> ProtoTime.of(t.toInstant())).forEach(recurrence::addExdates);
			event.setRecurrence(recurrence);
		}
		setIfPresent(row.getOriginalStartsAt(), t -> event.setOriginalStartsAt(ProtoTime.of(t)));
		setIfPresent(row.getPublishedAt(), t -> event.setPublishedAt(ProtoTime.of(t)));
		setIfPresent(row.getCancelledAt(), t -> event.setCancelledAt(ProtoTime.of(t)));
		if (row.getCancellationReason() != null) {
			event.setCancellationReason(row.getCancellationReason());
		}
		return event.build();
	}

	static JSONB venueJson(Venue venue) {
		try {
			return JSONB.valueOf(JSON.print(venue));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Venue venue(JSONB json) {
		Venue.Builder venue = Venue.newBuilder();
		try {
			PARSER.merge(json.data(), venue);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored venue is not valid: " + json.data(), ex);
		}
		return venue.build();
	}

	private static void setIfPresent(Instant value, java.util.function.Consumer<Instant> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

}
