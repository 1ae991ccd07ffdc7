package org.convene.core.session;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.auth.Scopes;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaEdge;
import org.convene.session.v1.proto.AgendaEntry;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.AgendaStatus;
import org.convene.session.v1.proto.BatchGetAgendaStatusRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.ListAgendaResponse;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;
import org.convene.session.v1.proto.RemoveFromAgendaResponse;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.SessionStatus;
import org.convene.session.v1.proto.UpdateSessionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_BOOKMARK;

/** AgendaService over a real gRPC channel and PostgreSQL: personal agendas and the seats of sessions. */
class AgendaServiceTests extends RegistrationIntegrationTest {

	private SessionServiceGrpc.SessionServiceBlockingStub organizerSessions;

	private Event event;

	private TicketType general;

	@BeforeEach
	void event() {
		this.organizerSessions = bearer(SessionServiceGrpc.newBlockingStub(this.channel), this.tokens.user(this.organizer,
				Set.of("ORGANIZER"), Scopes.EVENTS_READ, Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE));
		this.event = publishedEvent(null);
		this.general = ticketType(this.event, free("General"));
	}

	private AgendaServiceGrpc.AgendaServiceBlockingStub agendaOf(UUID user) {
		return bearer(AgendaServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(user, Set.of("ATTENDEE"), Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE));
	}

	/** A new user with a confirmed (free) registration for the test event. */
	private UUID attendee(String name) {
		UUID user = newUser(name);
		Registration registration = registrationsAs(user).createRegistration(request(this.general).build());
		assertThat(registration.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
		return user;
	}

	private Session session(String title, int fromMinute, Integer capacity, boolean requiresSeat) {
		SessionDraft.Builder draft = SessionDraft.newBuilder()
			.setTitle(title)
			.setStartsAt(ProtoTime.of(START.plus(fromMinute, ChronoUnit.MINUTES)))
			.setEndsAt(ProtoTime.of(START.plus(fromMinute + 30, ChronoUnit.MINUTES)))
			.setRequiresSeat(requiresSeat);
		if (capacity != null) {
			draft.setCapacity(capacity);
		}
		return this.organizerSessions
			.createSession(CreateSessionRequest.newBuilder().setEventId(this.event.getId()).setSession(draft).build());
	}

	private static AgendaEntry add(AgendaServiceGrpc.AgendaServiceBlockingStub agenda, Session session) {
		return agenda.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId(session.getId()).build());
	}

	private static RemoveFromAgendaResponse remove(AgendaServiceGrpc.AgendaServiceBlockingStub agenda, Session session) {
		return agenda.removeFromAgenda(RemoveFromAgendaRequest.newBuilder().setSessionId(session.getId()).build());
	}

	private static List<String> titles(ListAgendaResponse response) {
		return response.getEdgesList().stream().map(edge -> edge.getEntry().getSession().getTitle()).toList();
	}

	private int seatsTakenOf(Session session) {
		return this.db.fetchValue(SESSION.SEATS_TAKEN, SESSION.ID.eq(UUID.fromString(session.getId())));
	}

	private int seatBookmarksOf(Session session) {
		return this.db.fetchCount(SESSION_BOOKMARK,
				SESSION_BOOKMARK.SESSION_ID.eq(UUID.fromString(session.getId())).and(SESSION_BOOKMARK.SEAT.isTrue()));
	}

	private static ErrorCode codeOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure).code();
	}

	@Nested
	class Bookmarks {

		@Test
		void addsAndRemovesSessionsIdempotentlyAndListsThemByStartTime() {
			UUID user = newUser("Ann");
			AgendaServiceGrpc.AgendaServiceBlockingStub agenda = agendaOf(user);
			Session late = session("Late", 120, null, false);
			Session early = session("Early", 0, null, false);

			AgendaEntry added = add(agenda, late);
			AgendaEntry again = add(agenda, late);
			add(agenda, early);
			ListAgendaResponse listed = agenda.listAgenda(ListAgendaRequest.getDefaultInstance());
			RemoveFromAgendaResponse removed = remove(agenda, late);
			RemoveFromAgendaResponse removedAgain = remove(agenda, late);

			assertThat(added.getSession().getId()).isEqualTo(late.getId());
			assertThat(added.getHoldsSeat()).isFalse();
			assertThat(again.getAddedAt()).isEqualTo(added.getAddedAt());
			assertThat(titles(listed)).containsExactly("Early", "Late");
			assertThat(removed.getRemoved()).isTrue();
			assertThat(removed.getSeatFreed()).isFalse();
			assertThat(removedAgain.getRemoved()).isFalse();
			assertThat(titles(agenda.listAgenda(ListAgendaRequest.getDefaultInstance()))).containsExactly("Early");
		}

		@Test
		void listsOneEventAtATimeAndPageByPage() {
			UUID user = newUser("Ann");
			AgendaServiceGrpc.AgendaServiceBlockingStub agenda = agendaOf(user);
			for (int i = 0; i < 3; i++) {
				add(agenda, session("Talk " + i, i * 30, null, false));
			}
			Event other = publishedEvent(null);
			Session elsewhere = AgendaServiceTests.this.organizerSessions.createSession(CreateSessionRequest.newBuilder()
				.setEventId(other.getId())
				.setSession(SessionDraft.newBuilder()
					.setTitle("Elsewhere")
					.setStartsAt(ProtoTime.of(START))
					.setEndsAt(ProtoTime.of(START.plus(30, ChronoUnit.MINUTES))))
				.build());
			add(agenda, elsewhere);

			ListAgendaResponse first = agenda.listAgenda(ListAgendaRequest.newBuilder()
				.setEventId(AgendaServiceTests.this.event.getId())
				.setPage(PageRequest.newBuilder().setPageSize(2))
				.build());
			ListAgendaResponse second = agenda.listAgenda(ListAgendaRequest.newBuilder()
				.setEventId(AgendaServiceTests.this.event.getId())
				.setPage(PageRequest.newBuilder().setPageSize(2).setAfter(first.getEdges(1).getCursor()))
				.build());
			ListAgendaResponse onlyOther = agenda
				.listAgenda(ListAgendaRequest.newBuilder().setEventId(other.getId()).build());

			assertThat(titles(first)).containsExactly("Talk 0", "Talk 1");
			assertThat(first.getPageInfo().getHasNextPage()).isTrue();
			assertThat(titles(second)).containsExactly("Talk 2");
			assertThat(titles(onlyOther)).containsExactly("Elsewhere");
		}

		@Test
		void flagsCancelledSessionsAndRefusesToAddThem() {
			UUID user = newUser("Ann");
			AgendaServiceGrpc.AgendaServiceBlockingStub agenda = agendaOf(user);
			Session kept = session("Kept", 0, null, false);
			Session called = session("Called off", 30, null, false);
			add(agenda, called);
			AgendaServiceTests.this.organizerSessions
				.cancelSession(CancelSessionRequest.newBuilder().setId(called.getId()).setReason("Speaker ill").build());

			StatusRuntimeException refused = failureOf(() -> add(agenda, called));
			StatusRuntimeException refusedForNewcomer = failureOf(() -> add(agendaOf(newUser("Bo")), called));
			add(agenda, kept);
			List<AgendaEdge> edges = agenda.listAgenda(ListAgendaRequest.getDefaultInstance()).getEdgesList();

			assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(codeOf(refused)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(ApiError.fromThrowable(refused).message()).contains("cancelled");
			assertThat(codeOf(refusedForNewcomer)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(edges).extracting(edge -> edge.getEntry().getSession().getStatus())
				.containsExactly(SessionStatus.SCHEDULED, SessionStatus.CANCELLED);
		}

		@Test
		void keepsEachAgendaToItsOwnUser() {
			UUID ann = newUser("Ann");
			UUID bo = newUser("Bo");
			Session session = session("Talk", 0, null, false);
			add(agendaOf(ann), session);

			ListAgendaResponse bosAgenda = agendaOf(bo).listAgenda(ListAgendaRequest.getDefaultInstance());
			RemoveFromAgendaResponse bosRemoval = remove(agendaOf(bo), session);
			List<AgendaStatus> annsStatus = agendaOf(ann)
				.batchGetAgendaStatus(BatchGetAgendaStatusRequest.newBuilder().addSessionIds(session.getId()).build())
				.getStatusesList();
			List<AgendaStatus> bosStatus = agendaOf(bo)
				.batchGetAgendaStatus(BatchGetAgendaStatusRequest.newBuilder().addSessionIds(session.getId()).build())
				.getStatusesList();

			assertThat(bosAgenda.getEdgesList()).isEmpty();
			assertThat(bosRemoval.getRemoved()).isFalse();
			assertThat(annsStatus).extracting(AgendaStatus::getInAgenda).containsExactly(true);
			assertThat(bosStatus).extracting(AgendaStatus::getInAgenda).containsExactly(false);
			assertThat(titles(agendaOf(ann).listAgenda(ListAgendaRequest.getDefaultInstance()))).containsExactly("Talk");
		}

		@Test
		void refusesCallersWithoutAUserUnknownSessionsAndHiddenEvents() {
			Session session = session("Talk", 0, null, false);
			AgendaServiceGrpc.AgendaServiceBlockingStub anonymous = AgendaServiceGrpc.newBlockingStub(AgendaServiceTests.this.channel);
			AgendaServiceGrpc.AgendaServiceBlockingStub partner = bearer(AgendaServiceGrpc.newBlockingStub(AgendaServiceTests.this.channel),
					AgendaServiceTests.this.tokens.client("partner", null, Set.of(), Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE));
			AgendaServiceGrpc.AgendaServiceBlockingStub readOnly = bearer(AgendaServiceGrpc.newBlockingStub(AgendaServiceTests.this.channel),
					AgendaServiceTests.this.tokens.user(newUser("Reader"), Set.of("ATTENDEE"), Scopes.SESSIONS_READ));
			AgendaServiceGrpc.AgendaServiceBlockingStub ann = agendaOf(newUser("Ann"));

			assertThat(failureOf(() -> add(anonymous, session)).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(failureOf(() -> add(partner, session)).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(failureOf(() -> add(readOnly, session)).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(codeOf(failureOf(() -> ann.addToAgenda(AddToAgendaRequest.newBuilder()
				.setSessionId(UUID.randomUUID().toString())
				.build())))).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
			assertThat(codeOf(failureOf(() -> ann.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId("nope").build()))))
				.isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(codeOf(failureOf(() -> ann.listAgenda(ListAgendaRequest.newBuilder()
				.setEventId(UUID.randomUUID().toString())
				.build())))).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
			assertThat(anonymous.batchGetAgendaStatus(BatchGetAgendaStatusRequest.newBuilder().addSessionIds(session.getId()).build())
				.getStatusesList()).extracting(AgendaStatus::getInAgenda).containsExactly(false);
		}

	}

	@Nested
	class Seats {

		@Test
		void reservesASeatForAConfirmedAttendeeAndFreesItOnRemoval() {
			UUID user = attendee("Ann");
			AgendaServiceGrpc.AgendaServiceBlockingStub agenda = agendaOf(user);
			Session workshop = session("Workshop", 0, 2, true);

			AgendaEntry added = add(agenda, workshop);
			AgendaEntry again = add(agenda, workshop);
			int takenWhileAdded = seatsTakenOf(workshop);
			RemoveFromAgendaResponse removed = remove(agenda, workshop);

			assertThat(workshop.getRequiresSeat()).isTrue();
			assertThat(added.getHoldsSeat()).isTrue();
			assertThat(added.getSession().getSeatsTaken()).isEqualTo(1);
			assertThat(again.getSession().getSeatsTaken()).isEqualTo(1);
			assertThat(takenWhileAdded).isEqualTo(1);
			assertThat(removed.getSeatFreed()).isTrue();
			assertThat(seatsTakenOf(workshop)).isZero();
		}

		@Test
		void refusesASeatWithoutAConfirmedRegistration() {
			UUID user = newUser("Walk-in");
			Session workshop = session("Workshop", 0, 2, true);

			StatusRuntimeException refused = failureOf(() -> add(agendaOf(user), workshop));

			assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(ApiError.fromThrowable(refused).message()).contains("registration");
			assertThat(seatsTakenOf(workshop)).isZero();
			assertThat(AgendaServiceTests.this.db.fetchCount(SESSION_BOOKMARK,
					SESSION_BOOKMARK.SESSION_ID.eq(UUID.fromString(workshop.getId())))).isZero();
		}

		@Test
		void answersNoSeatsLeftWhenFull() {
			Session workshop = session("Workshop", 0, 1, true);
			add(agendaOf(attendee("Ann")), workshop);

			StatusRuntimeException full = failureOf(() -> add(agendaOf(attendee("Bo")), workshop));

			assertThat(full.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(codeOf(full)).isEqualTo(ErrorCode.SOLD_OUT);
			assertThat(ApiError.fromThrowable(full).message()).isEqualTo("The session has no seats left");
			assertThat(seatsTakenOf(workshop)).isEqualTo(1);
			assertThat(seatBookmarksOf(workshop)).isEqualTo(1);
		}

		@Test
		void freesTheSeatsWhenTheRegistrationIsCancelled() {
			UUID user = newUser("Ann");
			Registration registration = registrationsAs(user).createRegistration(request(AgendaServiceTests.this.general).build());
			Session workshop = session("Workshop", 0, 1, true);
			Session talk = session("Talk", 60, null, false);
			add(agendaOf(user), workshop);
			add(agendaOf(user), talk);

			registrationsAs(user).cancelRegistration(
					CancelRegistrationRequest.newBuilder().setId(registration.getId()).setReason("Cannot come").build());
			List<AgendaEdge> edges = agendaOf(user).listAgenda(ListAgendaRequest.getDefaultInstance()).getEdgesList();

			assertThat(seatsTakenOf(workshop)).isZero();
			assertThat(edges).extracting(edge -> edge.getEntry().getSession().getTitle()).containsExactly("Workshop", "Talk");
			assertThat(edges).extracting(edge -> edge.getEntry().getHoldsSeat()).containsExactly(false, false);
			assertThat(codeOf(failureOf(() -> add(agendaOf(user), workshop)))).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			add(agendaOf(attendee("Bo")), workshop);
			assertThat(seatsTakenOf(workshop)).isEqualTo(1);
		}

		@Test
		void freesEverySeatWhenTheEventIsCancelled() {
			UUID ann = attendee("Ann");
			UUID bo = attendee("Bo");
			Session workshop = session("Workshop", 0, 5, true);
			add(agendaOf(ann), workshop);
			add(agendaOf(bo), workshop);

			AgendaServiceTests.this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder()
				.setId(AgendaServiceTests.this.event.getId())
				.setReason("Venue closed")
				.build());

			assertThat(seatsTakenOf(workshop)).isZero();
			assertThat(seatBookmarksOf(workshop)).isZero();
			assertThat(AgendaServiceTests.this.db.fetchCount(SESSION_BOOKMARK,
					SESSION_BOOKMARK.SESSION_ID.eq(UUID.fromString(workshop.getId())))).isEqualTo(2);
		}

		@Test
		void keepsTheSeatsOfACancelledSession() {
			UUID user = attendee("Ann");
			Session workshop = session("Workshop", 0, 3, true);
			add(agendaOf(user), workshop);

			Session cancelled = AgendaServiceTests.this.organizerSessions
				.cancelSession(CancelSessionRequest.newBuilder().setId(workshop.getId()).setReason("Room flooded").build());
			RemoveFromAgendaResponse removed = remove(agendaOf(user), workshop);

			assertThat(cancelled.getSeatsTaken()).isEqualTo(1);
			assertThat(removed.getSeatFreed()).isTrue();
			assertThat(seatsTakenOf(workshop)).isZero();
		}

		@Test
		void requiresACapacityForASeatedSession() {
			StatusRuntimeException refused = failureOf(() -> session("Workshop", 0, null, true));

			assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(refused).violations())
				.anySatisfy(violation -> assertThat(violation.field()).isEqualTo("requiresSeat"));
		}

		@Test
		void refusesACapacityBelowTheSeatsTakenAndSaysHowMany() {
			Session workshop = session("Workshop", 0, 3, true);
			add(agendaOf(attendee("Ann")), workshop);
			add(agendaOf(attendee("Bo")), workshop);

			StatusRuntimeException refused = failureOf(() -> AgendaServiceTests.this.organizerSessions
				.updateSession(UpdateSessionRequest.newBuilder()
					.setId(workshop.getId())
					.setSession(SessionDraft.newBuilder().setCapacity(1))
					.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
					.build()));
			Session lowered = AgendaServiceTests.this.organizerSessions.updateSession(UpdateSessionRequest.newBuilder()
				.setId(workshop.getId())
				.setSession(SessionDraft.newBuilder().setCapacity(2))
				.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
				.build());
			StatusRuntimeException noCapacity = failureOf(() -> AgendaServiceTests.this.organizerSessions
				.updateSession(UpdateSessionRequest.newBuilder()
					.setId(workshop.getId())
					.setSession(SessionDraft.getDefaultInstance())
					.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
					.build()));

			assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(ApiError.fromThrowable(refused).details()).startsWith("2 seats of session");
			assertThat(ApiError.fromThrowable(refused).target()).isEqualTo("capacity");
			assertThat(lowered.getCapacity()).isEqualTo(2);
			assertThat(noCapacity.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(AgendaServiceTests.this.organizerSessions
				.getSession(GetSessionRequest.newBuilder().setId(workshop.getId()).build())
				.getSeatsTaken()).isEqualTo(2);
		}

		@Test
		void givesTheLastSeatsToExactlyAsManyAsTheCapacityWhenManyReserveAtOnce() throws Exception {
			Session workshop = session("Workshop", 0, 10, true);
			List<AgendaServiceGrpc.AgendaServiceBlockingStub> agendas = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				agendas.add(agendaOf(attendee("Attendee " + i)));
			}
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(30);
			List<Future<StatusRuntimeException>> outcomes = new ArrayList<>();
			try {
				for (AgendaServiceGrpc.AgendaServiceBlockingStub agenda : agendas) {
					Callable<StatusRuntimeException> reserve = () -> {
						start.await();
						try {
							add(agenda, workshop);
							return null;
						}
						catch (StatusRuntimeException ex) {
							return ex;
						}
					};
					outcomes.add(pool.submit(reserve));
				}
				start.countDown();
				List<StatusRuntimeException> failures = new ArrayList<>();
				for (Future<StatusRuntimeException> outcome : outcomes) {
					StatusRuntimeException failure = outcome.get(60, TimeUnit.SECONDS);
					if (failure != null) {
						failures.add(failure);
					}
				}

				assertThat(failures).hasSize(20).allSatisfy(failure -> assertThat(codeOf(failure)).isEqualTo(ErrorCode.SOLD_OUT));
				assertThat(seatsTakenOf(workshop)).isEqualTo(10);
				assertThat(seatBookmarksOf(workshop)).isEqualTo(10);
				assertThat(AgendaServiceTests.this.db.fetchCount(SESSION_BOOKMARK,
						SESSION_BOOKMARK.SESSION_ID.eq(UUID.fromString(workshop.getId())))).isEqualTo(10);
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

}
