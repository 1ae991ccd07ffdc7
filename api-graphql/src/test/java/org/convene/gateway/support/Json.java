package org.convene.gateway.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for tests. */
public final class Json {

	private Json() {
	}

	/** An instant as RFC 3339 text with the Europe/Berlin offset, e.g. 2026-05-04T18:00:00+02:00. */
	public static String berlin(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of("Europe/Berlin")));
	}

	/** A valid event body starting at {@code start} (Europe/Berlin), two hours long. */
	public static Map<String, Object> event(String title, Instant start) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("title", title);
		event.put("description", "About " + title);
		event.put("startsAt", berlin(start));
		event.put("endsAt", berlin(start.plusSeconds(7200)));
		event.put("timeZone", "Europe/Berlin");
		event.put("venue", Map.of("name", "Kongresshaus", "address",
				Map.of("line1", "Hauptstrasse 1", "city", "Berlin", "country", "DE")));
		event.put("tags", List.of("test"));
		return event;
	}

}
