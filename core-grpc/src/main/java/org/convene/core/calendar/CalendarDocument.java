package org.convene.core.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.protobuf.ByteString;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.CalendarFile;

/**
 * One iCalendar object being put together: a published calendar (METHOD:PUBLISH) with a name,
 * its VEVENTs, and a VTIMEZONE for every TZID they use. Rendering is deterministic, so equal
 * content has an equal ETag.
 */
final class CalendarDocument {

	static final String PRODID = "-//Convene//Convene Calendar 1.0//EN";

	/** How often subscribed calendar apps are asked to refresh (they may refresh less often). */
	private static final String REFRESH = "PT1H";

	private final String name;

	private final String zone;

	private final List<VEvent> events = new ArrayList<>();

	private Instant lastModified;

	/**
	 * @param name the calendar's name (X-WR-CALNAME)
	 * @param zone the time zone apps show it in when they must choose one (X-WR-TIMEZONE), or null
	 */
	CalendarDocument(String name, String zone) {
		this.name = name;
		this.zone = zone;
	}

	/** Adds components changed at {@code modified} at the latest. */
	CalendarDocument add(List<VEvent> components, Instant modified) {
		this.events.addAll(components);
		this.lastModified = this.lastModified == null || modified.isAfter(this.lastModified) ? modified : this.lastModified;
		return this;
	}

	/**
	 * The rendered file.
	 * @param withLastModified whether the newest change time tells every change; false when
	 * something can leave without a trace (then only the ETag is reliable)
	 */
	CalendarFile render(String filename, boolean personal, boolean withLastModified) {
		byte[] content = bytes();
		CalendarFile.Builder file = CalendarFile.newBuilder()
			.setContent(ByteString.copyFrom(content))
			.setEtag("\"" + HexFormat.of().formatHex(sha256(content), 0, 16) + "\"")
			.setFilename(filename)
			.setPersonal(personal);
		if (withLastModified && this.lastModified != null) {
			file.setLastModified(ProtoTime.of(this.lastModified));
		}
		return file.build();
	}

	private byte[] bytes() {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", this.name));
		if (this.zone != null) {
			calendar.add(new XProperty("X-WR-TIMEZONE", this.zone));
		}
		calendar.add(new RefreshInterval(null, java.time.Duration.parse(REFRESH)));
		calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
		for (String tzid : zones()) {
			VTimeZone definition = Zones.definition(tzid);
			if (definition != null) {
				calendar.add(definition);
			}
		}
		this.events.forEach(calendar::add);
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a calendar to memory", ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Every TZID the components refer to, sorted so the output is stable. */
	private Set<String> zones() {
		Set<String> zones = new TreeSet<>();
		for (VEvent event : this.events) {
			event.getProperties()
				.forEach(property -> property.getParameter(Parameter.TZID).ifPresent(tzid -> zones.add(tzid.getValue())));
		}
		return zones;
	}

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
