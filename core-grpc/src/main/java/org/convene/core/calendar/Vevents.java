package org.convene.core.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.jooq.JSONB;

import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.Venue;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;

/**
 * Builds the VEVENTs of events and sessions. The UID is the row's id at the configured host,
 * so it never changes; SEQUENCE counts the row's changes (version 1 is SEQUENCE 0), and for a
 * session also its event's, whose time zone and venue the session shows. DTSTAMP and
 * LAST-MODIFIED are the time of the latest of those changes, so an unchanged calendar renders
 * to the same bytes (and the same ETag).
 */
@Component
class Vevents {

	private static final JsonFormat.Parser VENUE = JsonFormat.parser().ignoringUnknownFields();

	private final CalendarSettings settings;

	Vevents(CalendarSettings settings) {
		this.settings = settings;
	}

	String uid(UUID id) {
		return id + "@" + this.settings.uidHost();
	}

	/** What an event looks like, at its own times. */
	Details details(EventRecord event) {
		return new Details(Zones.at(event.getStartsAt(), event.getTimeZone()),
				Zones.at(event.getEndsAt(), event.getTimeZone()), event.getTitle(),
				withCancellation(event.getDescription(), event.getCancellationReason()), location(event.getVenue()),
				Arrays.asList(event.getTags()), status(event.getStatus()));
	}

	/** An event on its own. */
	VEvent event(EventRecord event) {
		return vevent(uid(event.getId()), event.getVersion() - 1, event.getUpdatedAt(), details(event),
				"/api/v1/events/" + event.getId());
	}

	/** A session of the event. */
	VEvent session(SessionRecord session, EventRecord event) {
		String zone = event.getTimeZone();
		List<String> categories = new ArrayList<>();
		if (session.getTrack() != null) {
			categories.add(session.getTrack());
		}
		categories.add(title(session.getType()));
		categories.addAll(Arrays.asList(session.getTags()));
		String room = session.getRoom();
		String venue = location(event.getVenue());
		String location = Stream.of(room, venue).filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(", "));
		String description = Stream.of(session.getAbstract(), "Part of " + event.getTitle())
			.filter(s -> !s.isEmpty())
			.collect(Collectors.joining("\n\n"));
		Details details = new Details(Zones.at(session.getStartsAt(), zone), Zones.at(session.getEndsAt(), zone),
				session.getTitle(), withCancellation(description, session.getCancellationReason()), location, categories,
				"CANCELLED".equals(session.getStatus()) ? Status.VALUE_CANCELLED : status(event.getStatus()));
		return vevent(uid(session.getId()), session.getVersion() - 1 + event.getVersion() - 1,
				latest(session.getUpdatedAt(), event.getUpdatedAt()), details, "/api/v1/sessions/" + session.getId());
	}

	/** A VEVENT with the given identity, revision and content; {@code path} is the API resource it shows. */
	VEvent vevent(String uid, long sequence, Instant modified, Details details, String path) {
		VEvent vevent = new VEvent(false);
		vevent.add(new Uid(uid));
		vevent.add(new DtStamp(modified));
		vevent.add(new LastModified(modified));
		vevent.add(new Sequence((int) Math.min(sequence, Integer.MAX_VALUE)));
		vevent.add(new DtStart<Temporal>(details.start()));
		vevent.add(new DtEnd<Temporal>(details.end()));
		vevent.add(new Summary(details.summary()));
		if (!details.description().isEmpty()) {
			vevent.add(new Description(details.description()));
		}
		if (!details.location().isEmpty()) {
			vevent.add(new Location(details.location()));
		}
		if (!details.categories().isEmpty()) {
			vevent.add(new Categories(new TextList(details.categories())));
		}
		vevent.add(new Status(details.status()));
		vevent.add(new Url(URI.create(this.settings.publicUrl() + path)));
		return vevent;
	}

	static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** A draft (seen by its organizer only) is tentative; cancelled is cancelled; the rest confirmed. */
	private static String status(String eventStatus) {
		return switch (eventStatus) {
			case "CANCELLED" -> Status.VALUE_CANCELLED;
			case "DRAFT" -> Status.VALUE_TENTATIVE;
			default -> Status.VALUE_CONFIRMED;
		};
	}

	private static String withCancellation(String description, String reason) {
		if (reason == null || reason.isBlank()) {
			return description;
		}
		return description.isEmpty() ? "Cancelled: " + reason : "Cancelled: " + reason + "\n\n" + description;
	}

	/** The venue's name and address, or its online URL when it has no address. */
	private static String location(JSONB json) {
		if (json == null) {
			return "";
		}
		Venue.Builder venue = Venue.newBuilder();
		try {
			VENUE.merge(json.data(), venue);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored venue is not valid: " + json.data(), ex);
		}
		PostalAddress address = venue.getAddress();
		String place = Stream.of(venue.getName(), address.getLine1(), address.getLine2(),
				(address.getPostalCode() + " " + address.getCity()).strip(), address.getRegion(), address.getCountry())
			.filter(s -> !s.isBlank())
			.collect(Collectors.joining(", "));
		return place.isEmpty() ? venue.getOnline().getUrl() : place;
	}

	private static String title(String type) {
		return type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
	}

}
