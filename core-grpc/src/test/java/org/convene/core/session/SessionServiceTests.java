package org.convene.core.session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.BatchListSessionsRequest;
import org.convene.session.v1.proto.BatchListSessionsResponse;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.GetScheduleRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.ListSessionsResponse;
import org.convene.session.v1.proto.Schedule;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionEdge;
import org.convene.session.v1.proto.SessionFilter;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.SessionSpeaker;
import org.convene.session.v1.proto.SessionStatus;
import org.convene.session.v1.proto.SessionType;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UnassignSpeakerRequest;
import org.convene.session.v1.proto.UpdateSessionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/** SessionService over a real gRPC channel and PostgreSQL: the schedule and its rules. */
class SessionServiceTests extends RegistrationIntegrationTest {

	private SessionServiceGrpc.SessionServiceBlockingStub organizerSessions;

	private Event event;

	@BeforeEach
	void event() {
		this.organizerSessions = sessionsAs(this.organizer, "ORGANIZER");
		this.event = publishedEvent(null);
	}

	private SessionServiceGrpc.SessionServiceBlockingStub sessionsAs(UUID user, String... roles) {
		return bearer(SessionServiceGrpc.newBlockingStub(this.channel), this.tokens.user(user, Set.of(roles),
				Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE));
	}

	private SessionServiceGrpc.SessionServiceBlockingStub anonymous() {
		return SessionServiceGrpc.newBlockingStub(this.channel);
	}

	/** A session of the test event from {@code fromMinute} to {@code toMinute} after the event starts. */
	private static SessionDraft.Builder draft(String title, String room, int fromMinute, int toMinute) {
		SessionDraft.Builder draft = SessionDraft.newBuilder()
			.setTitle(title)
			.setStartsAt(ProtoTime.of(START.plus(fromMinute, ChronoUnit.MINUTES)))
			.setEndsAt(ProtoTime.of(START.plus(toMinute, ChronoUnit.MINUTES)));
		if (room != null) {
			draft.setRoom(room);
		}
		return draft;
	}

	private Session create(SessionDraft.Builder draft) {
		return create(this.event, draft);
	}

	private Session create(Event event, SessionDraft.Builder draft) {
		return this.organizerSessions
			.createSession(CreateSessionRequest.newBuilder().setEventId(event.getId()).setSession(draft).build());
	}

	private Session assign(Session session, UUID user, SpeakerRole role) {
		return this.organizerSessions.assignSpeaker(AssignSpeakerRequest.newBuilder()
			.setSessionId(session.getId())
			.setUserId(user.toString())
			.setRole(role)
			.build());
	}

	private Session cancel(Session session) {
		return this.organizerSessions
			.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).setReason("Speaker ill").build());
	}

	private List<String> titles(ListSessionsResponse response) {
		return response.getEdgesList().stream().map(SessionEdge::getSession).map(Session::getTitle).toList();
	}

	private List<String> titles(SessionFilter.Builder filter) {
		return titles(anonymous()
			.listSessions(ListSessionsRequest.newBuilder().setEventId(this.event.getId()).setFilter(filter).build()));
	}

	private static ErrorCode codeOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure).code();
	}

	@Nested
	class Managing {

		@Test
		void createsASessionWithEveryFieldAndRecordsItWithItsEvent() {
			Session session = create(draft(" Keynote: the future ", " Hall A ", 0, 60).setAbstract("Where we go")
				.setType(SessionType.KEYNOTE)
				.setTrack("Main")
				.setCapacity(300)
				.setLanguage("en")
				.addTags("Opening"));

			assertThat(session.getTitle()).isEqualTo("Keynote: the future");
			assertThat(session.getRoom()).isEqualTo("Hall A");
			assertThat(session.getEventId()).isEqualTo(SessionServiceTests.this.event.getId());
			assertThat(session.getType()).isEqualTo(SessionType.KEYNOTE);
			assertThat(session.getCapacity()).isEqualTo(300);
			assertThat(session.getTagsList()).containsExactly("opening");
			assertThat(session.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
			assertThat(session.getVersion()).isEqualTo(1);
			assertThat(anonymous().getSession(GetSessionRequest.newBuilder().setId(session.getId()).build())).isEqualTo(session);
			assertThat(outboxTypes(session.getId())).containsExactly("session.created");
			assertThat(SessionServiceTests.this.db
				.select(OUTBOX.AGGREGATE_TYPE, DSL.field("{0} ->> 'eventId'", String.class, OUTBOX.PAYLOAD))
				.from(OUTBOX)
				.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(session.getId())))
				.fetchOne()
				.intoList()).containsExactly("session", SessionServiceTests.this.event.getId());
		}

		@Test
		void defaultsToATalk() {
			assertThat(create(draft("Talk", null, 0, 30)).getType()).isEqualTo(SessionType.TALK);
		}

		@Test
		void updatesTheMaskedFieldsOnlyWhenTheVersionIsCurrent() {
			Session session = create(draft("Talk", "Hall A", 0, 30).setTrack("Backend"));

			Session moved = SessionServiceTests.this.organizerSessions.updateSession(UpdateSessionRequest.newBuilder()
				.setId(session.getId())
				.setSession(draft("ignored", "Hall B", 30, 60))
				.setUpdateMask(FieldMask.newBuilder().addPaths("room").addPaths("startsAt").addPaths("ends_at"))
				.setExpectedVersion(1)
				.build());
			StatusRuntimeException stale = failureOf(() -> SessionServiceTests.this.organizerSessions
				.updateSession(UpdateSessionRequest.newBuilder()
					.setId(session.getId())
					.setSession(SessionDraft.newBuilder().setTitle("Again"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
					.setExpectedVersion(1)
					.build()));

			assertThat(moved.getTitle()).isEqualTo("Talk");
			assertThat(moved.getTrack()).isEqualTo("Backend");
			assertThat(moved.getRoom()).isEqualTo("Hall B");
			assertThat(moved.getStartsAt()).isEqualTo(ProtoTime.of(START.plus(30, ChronoUnit.MINUTES)));
			assertThat(moved.getVersion()).isEqualTo(2);
			assertThat(codeOf(stale)).isEqualTo(ErrorCode.PRECONDITION_FAILED);
			assertThat(outboxTypes(session.getId())).containsExactly("session.created", "session.updated");
		}

		@Test
		void cancelsWithAReasonAndThenRefusesChanges() {
			Session session = create(draft("Talk", "Hall A", 0, 30));

			Session cancelled = cancel(session);
			StatusRuntimeException again = failureOf(() -> cancel(session));
			StatusRuntimeException noReason = failureOf(() -> SessionServiceTests.this.organizerSessions
				.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).build()));

			assertThat(cancelled.getStatus()).isEqualTo(SessionStatus.CANCELLED);
			assertThat(cancelled.getCancellationReason()).isEqualTo("Speaker ill");
			assertThat(cancelled.hasCancelledAt()).isTrue();
			assertThat(codeOf(again)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(codeOf(noReason)).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(outboxTypes(session.getId())).containsExactly("session.created", "session.cancelled");
		}

		@Test
		void reportsEveryInvalidFieldByName() {
			StatusRuntimeException failure = failureOf(() -> create(SessionDraft.newBuilder()
				.setStartsAt(ProtoTime.of(START.plus(1, ChronoUnit.HOURS)))
				.setEndsAt(ProtoTime.of(START))
				.setCapacity(0)
				.setLanguage("not a language")
				.addTags("no/slashes")));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).violations()).extracting(FieldViolation::field)
				.containsExactly("title", "capacity", "language", "tags[0]", "endsAt");
		}

		@Test
		void assignsAndUnassignsSpeakersWhoSeeTheirSessions() {
			UUID ada = newUser("Ada Speaker", "SPEAKER");
			UUID bob = newUser("Bob Moderator");
			Session panel = create(draft("Panel", "Hall A", 0, 60).setType(SessionType.PANEL));
			Session talk = create(draft("Talk", "Hall B", 60, 90));

			assign(panel, ada, SpeakerRole.PANELIST);
			Session withBoth = assign(panel, bob, SpeakerRole.MODERATOR);
			assign(talk, ada, SpeakerRole.SPEAKER_ROLE_UNSPECIFIED);
			Session withoutBob = SessionServiceTests.this.organizerSessions.unassignSpeaker(UnassignSpeakerRequest.newBuilder()
				.setSessionId(panel.getId())
				.setUserId(bob.toString())
				.build());
			ListSessionsResponse mine = sessionsAs(ada, "SPEAKER").listMySessions(ListMySessionsRequest.getDefaultInstance());

			assertThat(withBoth.getSpeakersList()).containsExactly(
					SessionSpeaker.newBuilder().setUserId(ada.toString()).setName("Ada Speaker").setRole(SpeakerRole.PANELIST).build(),
					SessionSpeaker.newBuilder().setUserId(bob.toString()).setName("Bob Moderator").setRole(SpeakerRole.MODERATOR).build());
			assertThat(withBoth.getVersion()).isEqualTo(3);
			assertThat(withoutBob.getSpeakersList()).extracting(SessionSpeaker::getUserId).containsExactly(ada.toString());
			assertThat(titles(mine)).containsExactly("Panel", "Talk");
			assertThat(titles(SessionFilter.newBuilder().setSpeakerId(bob.toString()))).isEmpty();
			assertThat(titles(SessionFilter.newBuilder().setSpeakerId(ada.toString()))).containsExactly("Panel", "Talk");
			assertThat(outboxTypes(panel.getId())).containsExactly("session.created", "session.updated", "session.updated",
					"session.updated");
		}

	}

	@Nested
	class Listing {

		@Test
		void filtersByDayTrackRoomAndTagAndPages() {
			Event twoDays = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Two days", START, START.plus(2, ChronoUnit.DAYS)))
				.build());
			create(twoDays, draft("First day", "Hall A", 0, 60).setTrack("Backend").addTags("java"));
			create(twoDays, draft("First day, later", "Hall B", 60, 120).setTrack("Frontend"));
			create(twoDays, draft("Second day", "hall a", 24 * 60, 25 * 60).setTrack("Backend").addTags("java").addTags("sql"));
			LocalDate secondDay = START.plus(24 * 60 + 30, ChronoUnit.MINUTES).atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
			SessionServiceGrpc.SessionServiceBlockingStub sessions = SessionServiceTests.this.organizerSessions;

			ListSessionsResponse firstPage = sessions.listSessions(ListSessionsRequest.newBuilder()
				.setEventId(twoDays.getId())
				.setPage(PageRequest.newBuilder().setPageSize(2))
				.build());
			ListSessionsResponse secondPage = sessions.listSessions(ListSessionsRequest.newBuilder()
				.setEventId(twoDays.getId())
				.setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(firstPage.getPageInfo().getNextPageToken()))
				.build());

			assertThat(titles(firstPage)).containsExactly("First day", "First day, later");
			assertThat(firstPage.getPageInfo().getHasNextPage()).isTrue();
			assertThat(titles(secondPage)).containsExactly("Second day");
			assertThat(titles(list(twoDays, SessionFilter.newBuilder().setDay(secondDay.toString())))).contains("Second day")
				.doesNotContain("First day");
			assertThat(titles(list(twoDays, SessionFilter.newBuilder().setTrack("Backend")))).containsExactly("First day", "Second day");
			assertThat(titles(list(twoDays, SessionFilter.newBuilder().setRoom("HALL A")))).containsExactly("First day", "Second day");
			assertThat(titles(list(twoDays, SessionFilter.newBuilder().addTags("java").addTags("sql")))).containsExactly("Second day");
			assertThat(codeOf(failureOf(() -> list(twoDays, SessionFilter.newBuilder().setDay("14.9.2026")))))
				.isEqualTo(ErrorCode.VALIDATION_FAILED);
		}

		@Test
		void batchListsTheSessionsOfSeveralEventsLeavingOutHiddenOnes() {
			Event draftEvent = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Draft", START, START.plus(2, ChronoUnit.HOURS)))
				.build());
			create(draft("Published talk", "Hall A", 0, 30));
			create(draftEvent, draft("Draft talk", "Hall A", 0, 30));

			BatchListSessionsResponse anonymousView = anonymous().batchListSessions(BatchListSessionsRequest.newBuilder()
				.addEventIds(SessionServiceTests.this.event.getId())
				.addEventIds(draftEvent.getId())
				.build());

			assertThat(anonymousView.getListsList()).hasSize(1);
			assertThat(anonymousView.getLists(0).getSessionsList()).extracting(Session::getTitle).containsExactly("Published talk");
		}

		@Test
		void aScheduleIsOneWholeDayInTheEventsTimeZoneWithTheDaysItSpans() {
			ZoneId berlin = ZoneId.of("Europe/Berlin");
			LocalDate firstDay = LocalDate.now(berlin).plusDays(40);
			ZonedDateTime opening = firstDay.atTime(9, 0).atZone(berlin);
			Event twoDays = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Two days", opening.toInstant(), opening.plusDays(1).withHour(18).toInstant()))
				.build());
			create(twoDays, at("Keynote", "Hall A", opening, 60).setTrack("Main"));
			create(twoDays, at("Late night hacking", "Hall B", opening.withHour(23), 90));
			create(twoDays, at("Workshop", "Hall B", opening.plusMinutes(30), 120).setTrack("Hands-on"));
			cancel(create(twoDays, at("Called off", "Hall A", opening.plusHours(2), 30)));
			create(twoDays, at("Second morning", "Hall A", opening.plusDays(1), 60));

			SessionServiceGrpc.SessionServiceBlockingStub sessions = SessionServiceTests.this.organizerSessions;
			Schedule first = sessions.getSchedule(GetScheduleRequest.newBuilder().setEventId(twoDays.getId()).build());
			Schedule second = sessions.getSchedule(GetScheduleRequest.newBuilder()
				.setEventId(twoDays.getId())
				.setDay(firstDay.plusDays(1).toString())
				.build());

			assertThat(first.getDay()).isEqualTo(firstDay.toString());
			assertThat(first.getTimeZone()).isEqualTo("Europe/Berlin");
			assertThat(first.getDaysList()).containsExactly(firstDay.toString(), firstDay.plusDays(1).toString());
			assertThat(first.getSessionsList()).extracting(Session::getTitle)
				.containsExactly("Keynote", "Workshop", "Called off", "Late night hacking");
			assertThat(first.getSessions(2).getStatus()).isEqualTo(SessionStatus.CANCELLED);
			assertThat(second.getSessionsList()).extracting(Session::getTitle).containsExactly("Late night hacking", "Second morning");
		}

		@Test
		void aScheduleIsRefusedForABadDayAndHiddenFromThoseWhoMayNotSeeTheEvent() {
			Event draftEvent = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Draft", START, START.plus(2, ChronoUnit.HOURS)))
				.build());

			StatusRuntimeException badDay = failureOf(() -> anonymous().getSchedule(GetScheduleRequest.newBuilder()
				.setEventId(SessionServiceTests.this.event.getId())
				.setDay("tomorrow")
				.build()));
			StatusRuntimeException hidden = failureOf(
					() -> anonymous().getSchedule(GetScheduleRequest.newBuilder().setEventId(draftEvent.getId()).build()));

			assertThat(codeOf(badDay)).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(codeOf(hidden)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
			assertThat(SessionServiceTests.this.organizerSessions
				.getSchedule(GetScheduleRequest.newBuilder().setEventId(draftEvent.getId()).build())
				.getSessionsList()).isEmpty();
		}

		private static SessionDraft.Builder at(String title, String room, ZonedDateTime start, int minutes) {
			return SessionDraft.newBuilder()
				.setTitle(title)
				.setRoom(room)
				.setStartsAt(ProtoTime.of(start.toInstant()))
				.setEndsAt(ProtoTime.of(start.plusMinutes(minutes).toInstant()));
		}

		private ListSessionsResponse list(Event event, SessionFilter.Builder filter) {
			return SessionServiceTests.this.organizerSessions
				.listSessions(ListSessionsRequest.newBuilder().setEventId(event.getId()).setFilter(filter).build());
		}

	}

	@Nested
	class Access {

		@Test
		void anyoneWhoMaySeeTheEventSeesItsSessionsOthersFindNothing() {
			Event draftEvent = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Draft", START, START.plus(2, ChronoUnit.HOURS)))
				.build());
			Session hidden = create(draftEvent, draft("Draft talk", "Hall A", 0, 30));
			UUID attendee = newUser("Attendee");

			StatusRuntimeException byId = failureOf(() -> sessionsAs(attendee).getSession(GetSessionRequest.newBuilder().setId(hidden.getId()).build()));
			StatusRuntimeException list = failureOf(() -> anonymous()
				.listSessions(ListSessionsRequest.newBuilder().setEventId(draftEvent.getId()).build()));

			assertThat(codeOf(byId)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
			assertThat(codeOf(list)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
			assertThat(titles(SessionFilter.newBuilder())).isEmpty();
		}

		@Test
		void onlyTheOrganizerAndAdministratorsChangeSessions() {
			Session session = create(draft("Talk", "Hall A", 0, 30));
			UUID otherOrganizer = newUser("Other organizer", "ORGANIZER");
			SessionServiceGrpc.SessionServiceBlockingStub admin = bearer(anonymous(),
					SessionServiceTests.this.tokens.user(SessionServiceTests.this.adminId, Set.of("ADMIN"), Scopes.ALL.toArray(String[]::new)));
			SessionServiceGrpc.SessionServiceBlockingStub readOnly = bearer(anonymous(),
					SessionServiceTests.this.tokens.user(SessionServiceTests.this.organizer, Set.of("ORGANIZER"), Scopes.SESSIONS_READ));

			StatusRuntimeException other = failureOf(() -> sessionsAs(otherOrganizer, "ORGANIZER")
				.createSession(CreateSessionRequest.newBuilder().setEventId(SessionServiceTests.this.event.getId())
					.setSession(draft("Mine", "Hall B", 0, 30)).build()));
			StatusRuntimeException withoutScope = failureOf(() -> readOnly
				.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).setReason("No").build()));
			StatusRuntimeException nobody = failureOf(() -> anonymous()
				.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).setReason("No").build()));
			Session byAdmin = admin.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).setReason("Admin says").build());

			assertThat(codeOf(other)).isEqualTo(ErrorCode.PERMISSION_DENIED);
			assertThat(codeOf(withoutScope)).isEqualTo(ErrorCode.PERMISSION_DENIED);
			assertThat(codeOf(nobody)).isEqualTo(ErrorCode.UNAUTHENTICATED);
			assertThat(byAdmin.getStatus()).isEqualTo(SessionStatus.CANCELLED);
		}

	}

	@Nested
	class Conflicts {

		@Test
		void aRoomHoldsOneSessionAtATimeAndTheErrorNamesTheOther() {
			Session first = create(draft("First", "Hall A", 0, 60));

			StatusRuntimeException overlapping = failureOf(() -> create(draft("Second", "hall a", 30, 90)));
			Session backToBack = create(draft("Back to back", "Hall A", 60, 90));
			Session elsewhere = create(draft("Elsewhere", "Hall B", 0, 60));

			ApiError error = ApiError.fromThrowable(overlapping);
			assertThat(overlapping.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(error.code()).isEqualTo(ErrorCode.SCHEDULE_CONFLICT);
			assertThat(error.target()).isEqualTo("room");
			assertThat(error.details()).contains("First").contains(first.getId());
			assertThat(backToBack.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
			assertThat(elsewhere.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
		}

		@Test
		void movingASessionIntoAnOccupiedRoomIsRefused() {
			Session first = create(draft("First", "Hall A", 0, 60));
			Session second = create(draft("Second", "Hall A", 60, 120));

			StatusRuntimeException failure = failureOf(() -> SessionServiceTests.this.organizerSessions
				.updateSession(UpdateSessionRequest.newBuilder()
					.setId(second.getId())
					.setSession(draft("", null, 30, 90))
					.setUpdateMask(FieldMask.newBuilder().addPaths("starts_at").addPaths("ends_at"))
					.build()));

			assertThat(codeOf(failure)).isEqualTo(ErrorCode.SCHEDULE_CONFLICT);
			assertThat(ApiError.fromThrowable(failure).details()).contains(first.getId());
			assertThat(outboxTypes(second.getId())).containsExactly("session.created");
		}

		@Test
		void aSpeakerSpeaksAtOneSessionAtATimeAcrossEvents() {
			UUID ada = newUser("Ada Speaker");
			Event other = SessionServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Another conference", START, START.plus(4, ChronoUnit.HOURS)))
				.build());
			Session here = assign(create(draft("Here", "Hall A", 0, 60)), ada, SpeakerRole.SPEAKER);
			Session there = create(other, draft("There", "Hall A", 30, 90));
			Session later = assign(create(draft("Later", "Hall B", 60, 120)), ada, SpeakerRole.SPEAKER);

			StatusRuntimeException assigning = failureOf(() -> assign(there, ada, SpeakerRole.SPEAKER));
			StatusRuntimeException moving = failureOf(() -> SessionServiceTests.this.organizerSessions
				.updateSession(UpdateSessionRequest.newBuilder()
					.setId(later.getId())
					.setSession(draft("", null, 45, 120))
					.setUpdateMask(FieldMask.newBuilder().addPaths("starts_at"))
					.build()));

			assertThat(codeOf(assigning)).isEqualTo(ErrorCode.SCHEDULE_CONFLICT);
			assertThat(ApiError.fromThrowable(assigning).target()).isEqualTo("speakers");
			assertThat(ApiError.fromThrowable(assigning).details()).contains(here.getId());
			assertThat(codeOf(moving)).isEqualTo(ErrorCode.SCHEDULE_CONFLICT);
			assertThat(ApiError.fromThrowable(moving).details()).contains(here.getId());
		}

		@Test
		void aSessionStaysWithinItsEventAndTheEventWithinItsSessions() {
			StatusRuntimeException before = failureOf(() -> create(draft("Too early", "Hall A", -30, 30)));
			StatusRuntimeException after = failureOf(() -> create(draft("Too late", "Hall A", 200, 300)));
			create(draft("Last", "Hall A", 180, 240));

			StatusRuntimeException shrinking = failureOf(() -> SessionServiceTests.this.organizerEvents
				.updateEvent(UpdateEventRequest.newBuilder()
					.setId(SessionServiceTests.this.event.getId())
					.setEvent(EventDraft.newBuilder().setEndsAt(ProtoTime.of(START.plus(3, ChronoUnit.HOURS))))
					.setUpdateMask(FieldMask.newBuilder().addPaths("ends_at"))
					.build()));
			Event longer = SessionServiceTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(SessionServiceTests.this.event.getId())
				.setEvent(EventDraft.newBuilder().setEndsAt(ProtoTime.of(START.plus(5, ChronoUnit.HOURS))))
				.setUpdateMask(FieldMask.newBuilder().addPaths("ends_at"))
				.build());
			Session inTheNewHour = create(draft("Added hour", "Hall A", 240, 300));

			assertThat(ApiError.fromThrowable(before).violations()).extracting(FieldViolation::field).containsExactly("startsAt");
			assertThat(ApiError.fromThrowable(after).violations()).extracting(FieldViolation::field).contains("endsAt");
			assertThat(codeOf(shrinking)).isEqualTo(ErrorCode.CONFLICT);
			assertThat(ProtoTime.toInstant(longer.getEndsAt())).isEqualTo(START.plus(5, ChronoUnit.HOURS));
			assertThat(inTheNewHour.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
		}

		@Test
		void cancelledSessionsHoldNeitherRoomNorSpeakers() {
			UUID ada = newUser("Ada Speaker");
			Session cancelled = cancel(assign(create(draft("Cancelled", "Hall A", 0, 60)), ada, SpeakerRole.SPEAKER));

			Session replacement = assign(create(draft("Replacement", "Hall A", 0, 60)), ada, SpeakerRole.SPEAKER);

			assertThat(cancelled.getStatus()).isEqualTo(SessionStatus.CANCELLED);
			assertThat(replacement.getSpeakersList()).extracting(SessionSpeaker::getUserId).containsExactly(ada.toString());
		}

		@Test
		void ofTwoConcurrentOverlappingSessionsInOneRoomExactlyOneIsCreated() throws Exception {
			for (int round = 0; round < 5; round++) {
				String room = "Room " + round;

				exactlyOneWins(() -> create(draft("Contender A", room, 0, 60)), () -> create(draft("Contender B", room, 10, 70)));

				assertThat(SessionServiceTests.this.db.fetchCount(SESSION, SESSION.ROOM.eq(room))).isEqualTo(1);
			}
		}

		@Test
		void ofTwoConcurrentMovesIntoOneRoomAtOneTimeExactlyOneSucceeds() throws Exception {
			for (int round = 0; round < 5; round++) {
				Session first = create(draft("Mover A", "Left " + round, 0, 60));
				Session second = create(draft("Mover B", "Right " + round, 0, 60));
				String room = "Middle " + round;

				exactlyOneWins(() -> moveTo(first, room), () -> moveTo(second, room));

				assertThat(SessionServiceTests.this.db.fetchCount(SESSION, SESSION.ROOM.eq(room))).isEqualTo(1);
			}
		}

		@Test
		void ofTwoConcurrentAssignmentsOfOneSpeakerToOverlappingSessionsExactlyOneSucceeds() throws Exception {
			for (int round = 0; round < 5; round++) {
				UUID speaker = newUser("Busy " + round);
				Session first = create(draft("Talk A", "North " + round, 0, 60));
				Session second = create(draft("Talk B", "South " + round, 30, 90));

				exactlyOneWins(() -> assign(first, speaker, SpeakerRole.SPEAKER), () -> assign(second, speaker, SpeakerRole.PANELIST));

				assertThat(SessionServiceTests.this.db.fetchCount(SESSION_SPEAKER, SESSION_SPEAKER.USER_ID.eq(speaker))).isEqualTo(1);
			}
		}

		private Session moveTo(Session session, String room) {
			return SessionServiceTests.this.organizerSessions.updateSession(UpdateSessionRequest.newBuilder()
				.setId(session.getId())
				.setSession(SessionDraft.newBuilder().setRoom(room))
				.setUpdateMask(FieldMask.newBuilder().addPaths("room"))
				.build());
		}

		/** Runs both at once; exactly one succeeds and the other is refused with SCHEDULE_CONFLICT. */
		private static void exactlyOneWins(Supplier<Session> one, Supplier<Session> other) throws Exception {
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<CompletableFuture<Object>> outcomes = new ArrayList<>();
				for (Supplier<Session> contender : List.of(one, other)) {
					outcomes.add(CompletableFuture.supplyAsync(() -> {
						await(start);
						try {
							return contender.get();
						}
						catch (StatusRuntimeException ex) {
							return ex;
						}
					}, threads));
				}
				start.countDown();
				List<Object> results = new ArrayList<>();
				for (CompletableFuture<Object> outcome : outcomes) {
					results.add(outcome.get(30, TimeUnit.SECONDS));
				}

				assertThat(results).filteredOn(Session.class::isInstance).hasSize(1);
				assertThat(results).filteredOn(StatusRuntimeException.class::isInstance)
					.singleElement()
					.extracting(failure -> codeOf((StatusRuntimeException) failure))
					.isEqualTo(ErrorCode.SCHEDULE_CONFLICT);
			}
			finally {
				threads.shutdownNow();
			}
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
