package org.convene.gateway.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public URLs of calendar files, at the address clients reach the gateway. */
@Component
class CalendarUrls {

	private final String base;

	CalendarUrls(@Value("${convene.auth.public-url}") String publicUrl) {
		this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	String event(String eventId) {
		return this.base + "/api/v1/events/" + eventId + "/calendar.ics";
	}

	/** The private URL of an agenda feed; whoever has it reads the agenda. */
	String feed(String token) {
		return this.base + "/api/v1/calendar-feeds/" + token + ".ics";
	}

}
