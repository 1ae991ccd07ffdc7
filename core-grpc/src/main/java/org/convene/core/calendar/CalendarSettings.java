package org.convene.core.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calendars are rendered.
 *
 * @param uidHost the right-hand side of every UID ({@code <uuid>@<uidHost>}): keep it stable,
 * or subscribed calendar apps see every event as new
 * @param publicUrl where clients reach the gateway; the URL property of events and sessions
 * points into its API
 */
@ConfigurationProperties("convene.calendar")
record CalendarSettings(@DefaultValue("convene.local") String uidHost,
		@DefaultValue("http://localhost:8080") String publicUrl) {

	CalendarSettings {
		publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

}
