package org.convene.core.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.jooq.JSONB;

import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.Venue;

/** What a printed ticket says about when and where. */
final class TicketTexts {

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	private TicketTexts() {
	}

	/**
	 * Start and end in the event's own time zone, which is named, e.g. "Thu 20 Nov 2031, 18:00 –
	 * 21:00 (Europe/Berlin, CET)"; the end's day is given when it is another one.
	 */
	static String when(Instant startsAt, Instant endsAt, String timeZone) {
		ZoneId zone = ZoneId.of(timeZone);
		ZonedDateTime start = startsAt.atZone(zone);
		ZonedDateTime end = endsAt.atZone(zone);
		String endText = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_AND_TIME.format(end);
		String zoneNames = zone.getId() + ", " + ZONE_NAME.format(start);
		if (!ZONE_NAME.format(start).equals(ZONE_NAME.format(end))) {
			zoneNames += " to " + ZONE_NAME.format(end);
		}
		return DAY_AND_TIME.format(start) + " \u2013 " + endText + " (" + zoneNames + ")";
	}

	/** The venue as lines: its name, its address, its online location. */
	static List<String> venue(JSONB json) {
		List<String> lines = new ArrayList<>();
		if (json == null) {
			return lines;
		}
		Venue.Builder venue = Venue.newBuilder();
		try {
			JsonFormat.parser().ignoringUnknownFields().merge(json.data(), venue);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored venue is not valid: " + json.data(), ex);
		}
		addIfPresent(lines, venue.getName());
		if (venue.hasAddress()) {
			PostalAddress address = venue.getAddress();
			addIfPresent(lines, address.getLine1());
			addIfPresent(lines, address.getLine2());
			addIfPresent(lines, (address.getPostalCode() + " " + address.getCity()).strip());
			addIfPresent(lines, String.join(", ", nonBlank(address.getRegion(), address.getCountry())));
		}
		if (!venue.getOnline().getUrl().isBlank()) {
			lines.add(String.join(" ", nonBlank("Online:", venue.getOnline().getPlatform(), venue.getOnline().getUrl())));
		}
		return lines;
	}

	private static List<String> nonBlank(String... values) {
		return Arrays.stream(values).filter(value -> !value.isBlank()).toList();
	}

	private static void addIfPresent(List<String> lines, String line) {
		if (!line.isBlank()) {
			lines.add(line);
		}
	}

}
