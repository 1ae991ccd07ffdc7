package org.convene.core.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;

import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Times in an event's time zone, as iCalendar writes them: local time with a TZID whose
 * VTIMEZONE definition comes from ical4j's bundled registry (no network). A zone the registry
 * does not know (UTC itself, fixed offsets) is written in UTC instead.
 */
final class Zones {

	private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

	private Zones() {
	}

	/** The instant in the zone: a ZonedDateTime when the zone has a VTIMEZONE, else the UTC instant. */
	static Temporal at(Instant instant, String zoneId) {
		return definition(zoneId) == null ? instant : instant.atZone(ZoneId.of(zoneId));
	}

	/** The VTIMEZONE of the zone, or null when it is written in UTC. */
	static VTimeZone definition(String zoneId) {
		if (zoneId == null || ZoneId.of(zoneId).getRules().isFixedOffset()) {
			return null;
		}
		TimeZone zone;
		synchronized (REGISTRY) {
			zone = REGISTRY.getTimeZone(zoneId);
		}
		return zone == null ? null : zone.getVTimeZone();
	}

}
