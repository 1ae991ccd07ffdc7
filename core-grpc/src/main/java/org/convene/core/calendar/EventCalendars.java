package org.convene.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.CalendarFile;

/**
 * The calendar of an event and its sessions, for whoever may read the event as GetEvent
 * does (anonymous callers too). Sessions come with the event, cancelled ones included, as
 * the session API shows them to everyone who sees the event.
 */
@Service
@Transactional(readOnly = true)
class EventCalendars {

	private final Events events;

	private final CalendarRepository calendars;

	private final Vevents vevents;

	private final SeriesVevents series;

	EventCalendars(Events events, CalendarRepository calendars, Vevents vevents, SeriesVevents series) {
		this.events = events;
		this.calendars = calendars;
		this.vevents = vevents;
		this.series = series;
	}

	CalendarFile event(String eventId) {
		Caller caller = RequestContext.current().caller();
		EventRecord event = this.events.readable(caller, RequestIds.uuid(eventId, "eventId"), "eventId");
		CalendarDocument document = new CalendarDocument(event.getTitle(), event.getTimeZone());
		add(document, event, caller);
		for (SessionRecord session : this.calendars.sessions(List.of(event.getId()))) {
			document.add(List.of(this.vevents.session(session, event)), session.getUpdatedAt());
		}
		return document.render("convene-event-" + event.getId() + ".ics", false, true);
	}

	/** Adds the event as the reader sees it: a series with its recurrence and overrides, anything else on its own. */
	void add(CalendarDocument document, EventRecord event, Caller reader) {
		if (!"SERIES".equals(event.getKind())) {
			document.add(List.of(this.vevents.event(event)), event.getUpdatedAt());
			return;
		}
		List<EventRecord> occurrences = this.calendars.occurrences(event.getId());
		Set<UUID> visible = this.events.visible(reader, occurrences.stream().map(EventRecord::getId).toList())
			.stream()
			.map(EventRecord::getId)
			.collect(Collectors.toSet());
		// hidden occurrences count too: hiding one changes the feed (its EXDATE)
		Instant modified = occurrences.stream().map(EventRecord::getUpdatedAt).reduce(event.getUpdatedAt(), Vevents::latest);
		document.add(this.series.series(event, occurrences, o -> visible.contains(o.getId())), modified);
	}

}
