package org.convene.core.calendar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.user.Users;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.CalendarFile;

/**
 * A user's personal agenda, reached through a feed token instead of credentials (calendar apps
 * cannot sign in): the events they hold a confirmed or checked-in registration for, and the
 * sessions they bookmarked. Everything is filtered as if the owner read it themself, so an
 * event that became hidden from them leaves their agenda; a disabled owner's feeds stop.
 */
@Service
@Transactional(readOnly = true)
class AgendaCalendars {

	private final CalendarFeeds feeds;

	private final CalendarRepository calendars;

	private final Events events;

	private final Users users;

	private final Vevents vevents;

	private final EventCalendars eventCalendars;

	AgendaCalendars(CalendarFeeds feeds, CalendarRepository calendars, Events events, Users users, Vevents vevents,
			EventCalendars eventCalendars) {
		this.feeds = feeds;
		this.calendars = calendars;
		this.events = events;
		this.users = users;
		this.vevents = vevents;
		this.eventCalendars = eventCalendars;
	}

	CalendarFile agenda(String token) {
		UUID owner = this.feeds.owner(token);
		Users.Standing standing = this.users.standing(owner)
			.filter(Users.Standing::active)
			.orElseThrow(() -> ApiException.notFound("calendar feed", token.substring(0, 8) + "...", "token"));
		Caller reader = new Caller(Caller.Kind.USER, owner.toString(), owner, null, standing.roles(),
				Set.of(Scopes.EVENTS_READ, Scopes.SESSIONS_READ));
		List<UUID> attended = this.calendars.attendedEvents(owner);
		List<SessionRecord> sessions = this.calendars.bookmarkedSessions(owner);
		Set<UUID> eventIds = new LinkedHashSet<>(attended);
		sessions.forEach(session -> eventIds.add(session.getEventId()));
		Map<UUID, EventRecord> visible = this.events.visible(reader, eventIds)
			.stream()
			.collect(Collectors.toMap(EventRecord::getId, Function.identity()));
		CalendarDocument document = new CalendarDocument("Convene agenda", null);
		List<EventRecord> shown = new ArrayList<>();
		attended.stream().map(visible::get).filter(e -> e != null).forEach(shown::add);
		shown.sort((a, b) -> a.getStartsAt().compareTo(b.getStartsAt()));
		shown.forEach(event -> this.eventCalendars.add(document, event, reader));
		for (SessionRecord session : sessions) {
			EventRecord event = visible.get(session.getEventId());
			if (event != null) {
				document.add(List.of(this.vevents.session(session, event)), session.getUpdatedAt());
			}
		}
		return document.render("convene-agenda.ics", true, false);
	}

}
