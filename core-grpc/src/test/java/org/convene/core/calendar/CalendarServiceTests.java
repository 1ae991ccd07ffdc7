package org.convene.core.calendar;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.TicketType;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.CalendarFeed;
import org.convene.session.v1.proto.CalendarFile;
import org.convene.session.v1.proto.CalendarServiceGrpc;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.CreatedCalendarFeed;
import org.convene.session.v1.proto.GetAgendaCalendarRequest;
import org.convene.session.v1.proto.GetEventCalendarRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsRequest;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.UpdateSessionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EVENT;

/**
 * CalendarService over a real gRPC channel and PostgreSQL. Every calendar is parsed back with
 * ical4j's CalendarBuilder, as a calendar app would read it.
 */
class CalendarServiceTests extends RegistrationIntegrationTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private SessionServiceGrpc.SessionServiceBlockingStub organizerSessions;

	private Event event;

	@BeforeEach
	void event() {
		this.organizerSessions = bearer(SessionServiceGrpc.newBlockingStub(this.channel), calendarToken(this.organizer, "ORGANIZER"));
		this.event = publishedEvent(null);
	}

	private String calendarToken(UUID user, String... roles) {
		return this.tokens.user(user, Set.of(roles), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.SESSIONS_READ,
				Scopes.SESSIONS_WRITE, Scopes.REGISTRATIONS_READ, Scopes.REGISTRATIONS_WRITE);
	}

	private CalendarServiceGrpc.CalendarServiceBlockingStub calendarsAs(UUID user, String... roles) {
		return bearer(CalendarServiceGrpc.newBlockingStub(this.channel), calendarToken(user, roles));
	}

	private CalendarServiceGrpc.CalendarServiceBlockingStub anonymous() {
		return CalendarServiceGrpc.newBlockingStub(this.channel);
	}

	private CalendarFile eventFile(String eventId) {
		return anonymous().getEventCalendar(GetEventCalendarRequest.newBuilder().setEventId(eventId).build());
	}

	private Calendar eventCalendar(String eventId) {
		return parse(eventFile(eventId));
	}

	private static Calendar parse(CalendarFile file) {
		try {
			return new CalendarBuilder()
				.build(new StringReader(new String(file.getContent().toByteArray(), StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("Not a valid iCalendar object", ex);
		}
	}

	private Session session(String title, int fromMinute, int toMinute) {
		return this.organizerSessions.createSession(CreateSessionRequest.newBuilder()
			.setEventId(this.event.getId())
			.setSession(SessionDraft.newBuilder()
				.setTitle(title)
				.setRoom("Hall A")
				.setTrack("Main")
				.setStartsAt(ProtoTime.of(START.plus(fromMinute, ChronoUnit.MINUTES)))
				.setEndsAt(ProtoTime.of(START.plus(toMinute, ChronoUnit.MINUTES))))
			.build());
	}

	/** The VEVENT with this UID that is not an override of one occurrence. */
	private static VEvent vevent(Calendar calendar, String id) {
		return vevents(calendar, id).stream()
			.filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No VEVENT " + id + "@convene.local"));
	}

	private static List<VEvent> vevents(Calendar calendar, String id) {
		return calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> (id + "@convene.local").equals(value(e, Property.UID)))
			.toList();
	}

	private static String value(VEvent vevent, String property) {
		return vevent.getProperty(property).map(Property::getValue).orElse(null);
	}

	private static int sequence(VEvent vevent) {
		return Integer.parseInt(value(vevent, Property.SEQUENCE));
	}

	private static String tzid(VEvent vevent, String property) {
		return vevent.getProperty(property).orElseThrow().getParameter("TZID").map(p -> p.getValue()).orElse(null);
	}

	private static Temporal date(VEvent vevent, String property) {
		return vevent.<DateProperty<Temporal>>getProperty(property).orElseThrow().getDate();
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, BERLIN).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
	}

	@Nested
	class EventFeed {

		@Test
		void showsTheEventAndItsSessionsInTheEventsTimeZone() {
			Session keynote = session("Keynote", 0, 60);
			Calendar calendar = eventCalendar(CalendarServiceTests.this.event.getId());

			assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
			assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo(CalendarDocument.PRODID);
			assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Registration test");
			assertThat(calendar.<net.fortuna.ical4j.model.component.VTimeZone>getComponents("VTIMEZONE")).singleElement()
				.satisfies(tz -> assertThat(tz.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin"));
			VEvent event = vevent(calendar, CalendarServiceTests.this.event.getId());
			assertThat(tzid(event, Property.DTSTART)).isEqualTo("Europe/Berlin");
			assertThat(value(event, Property.DTSTART)).isEqualTo(local(START));
			assertThat(((ZonedDateTime) date(event, Property.DTSTART)).toInstant()).isEqualTo(START);
			assertThat(((ZonedDateTime) date(event, Property.DTEND)).toInstant()).isEqualTo(START.plus(4, ChronoUnit.HOURS));
			assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
			assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
			assertThat(value(event, Property.LOCATION)).isEqualTo("Kongresshaus, Hauptstrasse 1, Berlin, DE");
			assertThat(value(event, Property.DTSTAMP)).isEqualTo(value(event, Property.LAST_MODIFIED));
			VEvent session = vevent(calendar, keynote.getId());
			assertThat(value(session, Property.SUMMARY)).isEqualTo("Keynote");
			assertThat(tzid(session, Property.DTSTART)).isEqualTo("Europe/Berlin");
			assertThat(value(session, Property.DTEND)).isEqualTo(local(START.plus(60, ChronoUnit.MINUTES)));
			assertThat(value(session, Property.LOCATION)).isEqualTo("Hall A, Kongresshaus, Hauptstrasse 1, Berlin, DE");
			assertThat(value(session, Property.CATEGORIES)).isEqualTo("Main,Talk");
			assertThat(value(session, Property.URL)).endsWith("/api/v1/sessions/" + keynote.getId());
		}

		@Test
		void keepsUidsAndRaisesSequencesWhenTheEventOrASessionChanges() {
			Session keynote = session("Keynote", 0, 60);
			Calendar before = eventCalendar(CalendarServiceTests.this.event.getId());
			CalendarServiceTests.this.organizerSessions.updateSession(UpdateSessionRequest.newBuilder()
				.setId(keynote.getId())
				.setSession(SessionDraft.newBuilder().setTitle("Opening keynote"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
				.build());
			Calendar afterSession = eventCalendar(CalendarServiceTests.this.event.getId());
			CalendarServiceTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(CalendarServiceTests.this.event.getId())
				.setEvent(EventDraft.newBuilder().setTitle("Renamed"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
				.build());
			Calendar afterEvent = eventCalendar(CalendarServiceTests.this.event.getId());

			String eventId = CalendarServiceTests.this.event.getId();
			assertThat(value(vevent(afterSession, keynote.getId()), Property.SUMMARY)).isEqualTo("Opening keynote");
			assertThat(sequence(vevent(afterSession, keynote.getId()))).isGreaterThan(sequence(vevent(before, keynote.getId())));
			assertThat(sequence(vevent(afterSession, eventId))).isEqualTo(sequence(vevent(before, eventId)));
			assertThat(value(vevent(afterEvent, eventId), Property.SUMMARY)).isEqualTo("Renamed");
			assertThat(sequence(vevent(afterEvent, eventId))).isGreaterThan(sequence(vevent(afterSession, eventId)));
			// the session shows its event (its title, venue, time zone), so it is revised with it
			assertThat(sequence(vevent(afterEvent, keynote.getId()))).isGreaterThan(sequence(vevent(afterSession, keynote.getId())));
		}

		@Test
		void keepsCancelledSessionsAndEventsWithTheirUidAsCancelled() {
			Session keynote = session("Keynote", 0, 60);
			CalendarServiceTests.this.organizerSessions.cancelSession(
					CancelSessionRequest.newBuilder().setId(keynote.getId()).setReason("Speaker ill").build());
			VEvent cancelledSession = vevent(eventCalendar(CalendarServiceTests.this.event.getId()), keynote.getId());
			CalendarServiceTests.this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder()
				.setId(CalendarServiceTests.this.event.getId())
				.setReason("Venue flooded")
				.build());
			Calendar calendar = eventCalendar(CalendarServiceTests.this.event.getId());

			assertThat(value(cancelledSession, Property.STATUS)).isEqualTo("CANCELLED");
			assertThat(value(cancelledSession, Property.DESCRIPTION)).startsWith("Cancelled: Speaker ill");
			VEvent event = vevent(calendar, CalendarServiceTests.this.event.getId());
			assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
			assertThat(sequence(event)).isEqualTo(2);
		}

		@Test
		void rendersTheSameBytesAndEtagUntilSomethingChanges() {
			session("Keynote", 0, 60);
			CalendarFile first = eventFile(CalendarServiceTests.this.event.getId());
			CalendarFile again = eventFile(CalendarServiceTests.this.event.getId());
			Session workshop = session("Workshop", 60, 120);
			CalendarFile changed = eventFile(CalendarServiceTests.this.event.getId());

			assertThat(again.getContent()).isEqualTo(first.getContent());
			assertThat(again.getEtag()).isEqualTo(first.getEtag()).startsWith("\"").endsWith("\"");
			assertThat(changed.getEtag()).isNotEqualTo(first.getEtag());
			assertThat(ProtoTime.toInstant(changed.getLastModified())).isAfterOrEqualTo(ProtoTime.toInstant(workshop.getUpdatedAt()));
			assertThat(changed.getFilename()).isEqualTo("convene-event-" + CalendarServiceTests.this.event.getId() + ".ics");
			assertThat(changed.getPersonal()).isFalse();
		}

		@Test
		void hidesDraftsFromEveryoneButTheirOrganizer() {
			Event draft = CalendarServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Secret plans", START, START.plus(1, ChronoUnit.HOURS)))
				.build());
			GetEventCalendarRequest request = GetEventCalendarRequest.newBuilder().setEventId(draft.getId()).build();

			assertThat(failureOf(() -> anonymous().getEventCalendar(request)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			UUID stranger = newUser("Stranger");
			assertThat(failureOf(() -> calendarsAs(stranger).getEventCalendar(request)).getStatus().getCode())
				.isEqualTo(Status.Code.NOT_FOUND);
			Calendar own = parse(calendarsAs(CalendarServiceTests.this.organizer, "ORGANIZER").getEventCalendar(request));
			assertThat(value(vevent(own, draft.getId()), Property.STATUS)).isEqualTo("TENTATIVE");
		}

		@Test
		void refusesAnIdThatIsNoUuid() {
			assertThat(failureOf(() -> eventFile("not-a-uuid")).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		}

	}

	@Nested
	class SeriesFeed {

		private Event series;

		private List<UUID> occurrences;

		@BeforeEach
		void series() {
			Event created = CalendarServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Weekly meetup", START, START.plus(2, ChronoUnit.HOURS)))
				.setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=5"))
				.build());
			this.series = CalendarServiceTests.this.organizerEvents
				.publishEvent(PublishEventRequest.newBuilder().setId(created.getId()).build());
			this.occurrences = CalendarServiceTests.this.db.select(EVENT.ID)
				.from(EVENT)
				.where(EVENT.SERIES_ID.eq(UUID.fromString(created.getId())))
				.orderBy(EVENT.ORIGINAL_STARTS_AT)
				.fetch(EVENT.ID);
		}

		private Instant week(int n) {
			return START.plus(7L * n, ChronoUnit.DAYS);
		}

		@Test
		void isOneRecurringVeventWithTheRuleInTheSeriesTimeZone() {
			Calendar calendar = eventCalendar(this.series.getId());

			List<VEvent> components = vevents(calendar, this.series.getId());
			assertThat(components).hasSize(1);
			VEvent master = components.get(0);
			assertThat(value(master, Property.RRULE)).isEqualTo("FREQ=WEEKLY;COUNT=5");
			assertThat(tzid(master, Property.DTSTART)).isEqualTo("Europe/Berlin");
			assertThat(value(master, Property.DTSTART)).isEqualTo(local(START));
			assertThat(master.getProperty(Property.EXDATE)).isEmpty();
			assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
		}

		@Test
		void excludesARemovedOccurrenceWithExdate() {
			Event changed = CalendarServiceTests.this.organizerEvents.updateRecurrence(UpdateRecurrenceRequest.newBuilder()
				.setId(this.series.getId())
				.setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=5").addExdates(ProtoTime.of(week(1))))
				.build());
			Calendar calendar = eventCalendar(this.series.getId());

			VEvent master = vevent(calendar, this.series.getId());
			assertThat(value(master, Property.RRULE)).isEqualTo("FREQ=WEEKLY;COUNT=5");
			assertThat(tzid(master, Property.EXDATE)).isEqualTo("Europe/Berlin");
			assertThat(value(master, Property.EXDATE)).isEqualTo(local(week(1)));
			assertThat(sequence(master)).isEqualTo((int) changed.getVersion() - 1).isGreaterThan(0);
			// the removed occurrence is cancelled in Convene; EXDATE alone tells calendar apps
			assertThat(vevents(calendar, this.series.getId())).hasSize(1);
		}

		@Test
		void overridesAMovedOccurrenceWithItsRecurrenceId() {
			CalendarServiceTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(this.occurrences.get(2).toString())
				.setEvent(EventDraft.newBuilder()
					.setStartsAt(ProtoTime.of(week(2).plus(1, ChronoUnit.HOURS)))
					.setEndsAt(ProtoTime.of(week(2).plus(3, ChronoUnit.HOURS))))
				.setUpdateMask(FieldMask.newBuilder().addPaths("starts_at").addPaths("ends_at"))
				.build());
			Calendar calendar = eventCalendar(this.series.getId());

			List<VEvent> overrides = vevents(calendar, this.series.getId()).stream()
				.filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent())
				.toList();
			assertThat(overrides).singleElement().satisfies(moved -> {
				assertThat(tzid(moved, Property.RECURRENCE_ID)).isEqualTo("Europe/Berlin");
				assertThat(value(moved, Property.RECURRENCE_ID)).isEqualTo(local(week(2)));
				assertThat(value(moved, Property.DTSTART)).isEqualTo(local(week(2).plus(1, ChronoUnit.HOURS)));
				assertThat(sequence(moved)).isGreaterThan(sequence(vevent(calendar, this.series.getId())));
			});
			assertThat(value(vevent(calendar, this.series.getId()), Property.RRULE)).isEqualTo("FREQ=WEEKLY;COUNT=5");
		}

		@Test
		void overridesACancelledOccurrenceAsCancelled() {
			CalendarServiceTests.this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder()
				.setId(this.occurrences.get(3).toString())
				.setReason("Holiday")
				.build());
			Calendar calendar = eventCalendar(this.series.getId());

			assertThat(vevents(calendar, this.series.getId())).filteredOn(e -> e.getProperty(Property.RECURRENCE_ID).isPresent())
				.singleElement()
				.satisfies(cancelled -> {
					assertThat(value(cancelled, Property.RECURRENCE_ID)).isEqualTo(local(week(3)));
					assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
				});
			assertThat(value(vevent(calendar, this.series.getId()), Property.STATUS)).isEqualTo("CONFIRMED");
		}

		@Test
		void overridesEveryOccurrenceAThisAndFollowingChangeReached() {
			CalendarServiceTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(this.occurrences.get(3).toString())
				.setEvent(EventDraft.newBuilder().setTitle("Weekly meetup (new room)"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
				.setScope(org.convene.core.v1.proto.UpdateScope.THIS_AND_FOLLOWING)
				.build());
			Calendar calendar = eventCalendar(this.series.getId());

			assertThat(vevents(calendar, this.series.getId())).filteredOn(e -> e.getProperty(Property.RECURRENCE_ID).isPresent())
				.extracting(e -> value(e, Property.RECURRENCE_ID) + " " + value(e, Property.SUMMARY))
				.containsExactly(local(week(3)) + " Weekly meetup (new room)", local(week(4)) + " Weekly meetup (new room)");
		}

		@Test
		void endsARuleWithoutCountOrUntilWhereConveneStopsGenerating() {
			Event created = CalendarServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Monthly", START, START.plus(1, ChronoUnit.HOURS)))
				.setRecurrence(Recurrence.newBuilder().setRule("FREQ=MONTHLY"))
				.build());
			Calendar calendar = parse(calendarsAs(CalendarServiceTests.this.organizer, "ORGANIZER")
				.getEventCalendar(GetEventCalendarRequest.newBuilder().setEventId(created.getId()).build()));

			Instant last = START.atZone(BERLIN).plusMonths(11).toInstant();
			assertThat(value(vevent(calendar, created.getId()), Property.RRULE))
				.isEqualTo("FREQ=MONTHLY;UNTIL=" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
					.withZone(java.time.ZoneOffset.UTC)
					.format(last));
		}

	}

	@Nested
	class AgendaFeed {

		private UUID attendee;

		private CalendarServiceGrpc.CalendarServiceBlockingStub attendeeCalendars;

		@BeforeEach
		void attendee() {
			this.attendee = newUser("Ada Attendee");
			this.attendeeCalendars = calendarsAs(this.attendee);
		}

		private String newFeed() {
			return this.attendeeCalendars.createCalendarFeed(CreateCalendarFeedRequest.newBuilder().setName("Phone").build())
				.getToken();
		}

		private Calendar agenda(String token) {
			return parse(anonymous().getAgendaCalendar(GetAgendaCalendarRequest.newBuilder().setToken(token).build()));
		}

		/** The user adds the session to their agenda through the agenda API. */
		private void bookmark(UUID user, Session session) {
			bearer(AgendaServiceGrpc.newBlockingStub(CalendarServiceTests.this.channel), calendarToken(user))
				.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId(session.getId()).build());
		}

		@Test
		void showsTheEventsTheyAttendAndTheSessionsTheyBookmarkedToAnyoneWithTheToken() {
			TicketType type = ticketType(CalendarServiceTests.this.event, free("General"));
			registrationsAs(this.attendee).createRegistration(request(type).build());
			Session keynote = session("Keynote", 0, 60);
			Session workshop = session("Workshop", 60, 120);
			bookmark(this.attendee, keynote);
			UUID other = newUser("Other");
			bookmark(other, workshop);
			String token = newFeed();

			CalendarFile file = anonymous().getAgendaCalendar(GetAgendaCalendarRequest.newBuilder().setToken(token).build());
			Calendar calendar = parse(file);

			assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, Property.UID))
				.containsExactly(CalendarServiceTests.this.event.getId() + "@convene.local", keynote.getId() + "@convene.local");
			assertThat(file.getPersonal()).isTrue();
			assertThat(file.hasLastModified()).isFalse();
			assertThat(token).startsWith("cal_").hasSizeGreaterThan(40);
		}

		@Test
		void leavesOutEventsThatBecameHiddenFromTheirOwner() {
			Session keynote = session("Keynote", 0, 60);
			bookmark(this.attendee, keynote);
			String token = newFeed();
			assertThat(vevents(agenda(token), keynote.getId())).hasSize(1);

			CalendarServiceTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(CalendarServiceTests.this.event.getId())
				.setEvent(EventDraft.newBuilder().setVisibility(Visibility.PRIVATE))
				.setUpdateMask(FieldMask.newBuilder().addPaths("visibility"))
				.build());

			assertThat(agenda(token).getComponents("VEVENT")).isEmpty();
		}

		@Test
		void stopsWorkingWhenRevokedAndListsTheRevocation() {
			CreatedCalendarFeed created = this.attendeeCalendars
				.createCalendarFeed(CreateCalendarFeedRequest.newBuilder().setName("Laptop").build());
			agenda(created.getToken());

			CalendarFeed revoked = this.attendeeCalendars
				.revokeCalendarFeed(RevokeCalendarFeedRequest.newBuilder().setId(created.getFeed().getId()).build());

			assertThat(revoked.hasRevokedAt()).isTrue();
			assertThat(failureOf(() -> agenda(created.getToken())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(this.attendeeCalendars.listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance()).getFeedsList())
				.singleElement()
				.satisfies(feed -> {
					assertThat(feed.getName()).isEqualTo("Laptop");
					assertThat(feed.getPrefix()).isEqualTo(created.getToken().substring(0, 8));
					assertThat(feed.hasRevokedAt()).isTrue();
				});
			CalendarFeed again = this.attendeeCalendars
				.revokeCalendarFeed(RevokeCalendarFeedRequest.newBuilder().setId(created.getFeed().getId()).build());
			assertThat(again.getRevokedAt()).isEqualTo(revoked.getRevokedAt());
		}

		@Test
		void concurrentRevocationsAgreeOnTheFirstRevocationTime() throws Exception {
			CreatedCalendarFeed created = this.attendeeCalendars.createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance());
			RevokeCalendarFeedRequest revoke = RevokeCalendarFeedRequest.newBuilder().setId(created.getFeed().getId()).build();
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<CalendarFeed>> revocations = new java.util.ArrayList<>();
				for (int i = 0; i < 2; i++) {
					revocations.add(pool.submit(() -> {
						start.await();
						return this.attendeeCalendars.revokeCalendarFeed(revoke);
					}));
				}
				start.countDown();

				assertThat(revocations.get(0).get().getRevokedAt()).isEqualTo(revocations.get(1).get().getRevokedAt());
				assertThat(failureOf(() -> agenda(created.getToken())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			}
			finally {
				pool.shutdownNow();
			}
		}

		@Test
		void stopsWhenItsOwnerIsDisabled() {
			String token = newFeed();
			agenda(token);

			// disabled directly: the administration API's effect on accounts is tested with users
			CalendarServiceTests.this.db.update(APP_USER).set(APP_USER.STATUS, "DISABLED").where(APP_USER.ID.eq(this.attendee)).execute();

			assertThat(failureOf(() -> agenda(token)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		}

		@Test
		void isNotFoundForAnUnknownToken() {
			newFeed();
			assertThat(failureOf(() -> agenda("cal_" + "A".repeat(43))).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(failureOf(() -> agenda("")).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		}

		@Test
		void belongsToItsOwnerAlone() {
			CreatedCalendarFeed created = this.attendeeCalendars.createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance());
			UUID other = newUser("Other");
			RevokeCalendarFeedRequest revoke = RevokeCalendarFeedRequest.newBuilder().setId(created.getFeed().getId()).build();

			assertThat(created.getFeed().getName()).isEqualTo("Agenda");
			assertThat(failureOf(() -> calendarsAs(other).revokeCalendarFeed(revoke)).getStatus().getCode())
				.isEqualTo(Status.Code.NOT_FOUND);
			assertThat(calendarsAs(other).listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance()).getFeedsList())
				.isEmpty();
			assertThat(failureOf(() -> anonymous().createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance()))
				.getStatus()
				.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
			agenda(created.getToken());
		}

		@Test
		void refusesANameThatIsTooLong() {
			assertThat(failureOf(() -> this.attendeeCalendars
				.createCalendarFeed(CreateCalendarFeedRequest.newBuilder().setName("x".repeat(101)).build()))
				.getStatus()
				.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(this.attendeeCalendars.listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance()).getFeedsList())
				.isEmpty();
		}

	}

}
