package org.convene.core.event;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.convene.core.v1.proto.OnlineLocation;
import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.Venue;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;

/** The rules every stored event satisfies, checked field by field before it is written. */
final class EventValidation {

	static final int MAX_TAGS = 20;

	static final int MAX_CAPACITY = 1_000_000;

	static final Duration MAX_DURATION = Duration.ofDays(366);

	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 _.-]{0,39}");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private EventValidation() {
	}

	static void check(EventRecord event, List<FieldViolation> violations) {
		String title = event.getTitle();
		if (title == null || title.isEmpty()) {
			violations.add(new FieldViolation("title", "is required"));
		}
		else if (title.length() > 200) {
			violations.add(new FieldViolation("title", "must be at most 200 characters, was " + title.length()));
		}
		if (event.getDescription() != null && event.getDescription().length() > 10_000) {
			violations.add(new FieldViolation("description", "must be at most 10000 characters"));
		}
		checkTimes(event, violations);
		String zone = event.getTimeZone();
		if (zone == null || zone.isEmpty()) {
			violations.add(new FieldViolation("timeZone", "is required, an IANA time zone such as Europe/Berlin"));
		}
		else if (!ZONES.contains(zone)) {
			violations.add(new FieldViolation("timeZone", "'" + zone + "' is not an IANA time zone"));
		}
		if (event.getCapacity() != null && (event.getCapacity() < 1 || event.getCapacity() > MAX_CAPACITY)) {
			violations.add(new FieldViolation("capacity", "must be between 1 and " + MAX_CAPACITY + ", or absent for unlimited"));
		}
		checkTags(event.getTags(), violations);
		if (event.getVenue() != null) {
			checkVenue(EventRecords.venue(event.getVenue()), violations);
		}
	}

	private static void checkTimes(EventRecord event, List<FieldViolation> violations) {
		Instant start = event.getStartsAt();
		Instant end = event.getEndsAt();
		if (start == null) {
			violations.add(new FieldViolation("startsAt", "is required"));
		}
		else if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
			violations.add(new FieldViolation("startsAt", "must lie between 1970 and 9999"));
		}
		if (end == null) {
			violations.add(new FieldViolation("endsAt", "is required"));
		}
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				violations.add(new FieldViolation("endsAt", "must be after startsAt"));
			}
			else if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
				violations.add(new FieldViolation("endsAt", "an event lasts at most 366 days"));
			}
		}
	}

	private static void checkTags(String[] tags, List<FieldViolation> violations) {
		if (tags.length > MAX_TAGS) {
			violations.add(new FieldViolation("tags", "at most " + MAX_TAGS + " tags, was " + tags.length));
		}
		for (int i = 0; i < tags.length; i++) {
			if (!TAG.matcher(tags[i]).matches()) {
				violations.add(new FieldViolation("tags[" + i + "]",
						"must be 1 to 40 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit"));
			}
		}
	}

	private static void checkVenue(Venue venue, List<FieldViolation> violations) {
		if (venue.getName().length() > 200) {
			violations.add(new FieldViolation("venue.name", "must be at most 200 characters"));
		}
		if (venue.hasAddress()) {
			PostalAddress address = venue.getAddress();
			requireText(address.getLine1(), "venue.address.line1", violations);
			requireText(address.getCity(), "venue.address.city", violations);
			if (!COUNTRIES.contains(address.getCountry())) {
				violations.add(new FieldViolation("venue.address.country",
						"must be an ISO 3166-1 alpha-2 code such as DE or US"));
			}
		}
		if (venue.hasOnline()) {
			checkUrl(venue.getOnline(), violations);
		}
		if (!venue.hasAddress() && !venue.hasOnline()) {
			violations.add(new FieldViolation("venue", "give an address, an online location or both"));
		}
	}

	private static void checkUrl(OnlineLocation online, List<FieldViolation> violations) {
		try {
			URI uri = new URI(online.getUrl());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				violations.add(new FieldViolation("venue.online.url", "must be an absolute https URL"));
			}
		}
		catch (java.net.URISyntaxException ex) {
			violations.add(new FieldViolation("venue.online.url", "must be an absolute https URL"));
		}
	}

	private static void requireText(String value, String field, List<FieldViolation> violations) {
		if (value.isBlank()) {
			violations.add(new FieldViolation(field, "is required"));
		}
		else if (value.length() > 200) {
			violations.add(new FieldViolation(field, "must be at most 200 characters"));
		}
	}

}
