package org.convene.core.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import org.junit.jupiter.api.BeforeEach;

import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaEntry;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc;
import org.convene.session.v1.proto.SessionCheckInRequest;
import org.convene.session.v1.proto.SessionCheckInResult;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.SpeakerRole;
import org.convene.session.v1.proto.UpdateSessionRequest;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.TicketServiceGrpc;


/**
 * Attendance and feedback tests: an organizer with a published event that is under way
 * (started two hours ago, ends in four), a ticket type, and the session services as that
 * organizer (every scope their door and back-office apps hold).
 */
public abstract class SessionAttendanceTest extends CoreIntegrationTest {

	protected static final String[] ORGANIZER_SCOPES = { Scopes.EVENTS_READ, Scopes.EVENTS_WRITE,
			Scopes.REGISTRATIONS_READ, Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE, Scopes.CHECKIN_WRITE };

	/** What an attendee's app holds. */
	protected static final String[] ATTENDEE_SCOPES = { Scopes.EVENTS_READ, Scopes.REGISTRATIONS_READ,
			Scopes.REGISTRATIONS_WRITE, Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE };

	protected TicketFixtures fixtures;

	protected UUID organizerId;

	/** The event's start: two hours ago, to the hour. */
	protected Instant start;

	protected Event event;

	protected UUID ticketTypeId;

	protected SessionServiceGrpc.SessionServiceBlockingStub sessions;

	protected SessionAttendanceServiceGrpc.SessionAttendanceServiceBlockingStub attendance;

	protected SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub feedback;

	@BeforeEach
	void organizerWithAnEventUnderWay() {
		this.fixtures = new TicketFixtures(this.db);
		this.organizerId = newUser("Olga Organizer", "ORGANIZER");
		this.start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
		this.event = publishedEvent(this.organizerId, this.start);
		this.ticketTypeId = this.fixtures.ticketType(this.event.getId(), "Standard");
		String token = organizerToken(this.organizerId);
		this.sessions = bearer(SessionServiceGrpc.newBlockingStub(this.channel), token);
		this.attendance = attendanceAs(token);
		this.feedback = feedbackAs(token);
	}

	protected String organizerToken(UUID organizer) {
		return this.tokens.user(organizer, Set.of("ORGANIZER"), ORGANIZER_SCOPES);
	}

	protected String attendeeToken(UUID user) {
		return this.tokens.user(user, Set.of(), ATTENDEE_SCOPES);
	}

	protected String adminToken() {
		return this.tokens.user(this.adminId, Set.of("ADMIN", "ORGANIZER"), Scopes.ALL.toArray(String[]::new));
	}

	protected SessionAttendanceServiceGrpc.SessionAttendanceServiceBlockingStub attendanceAs(String token) {
		return bearer(SessionAttendanceServiceGrpc.newBlockingStub(this.channel), token);
	}

	protected SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub feedbackAs(String token) {
		return bearer(SessionFeedbackServiceGrpc.newBlockingStub(this.channel), token);
	}

	/** A published event of the organizer, from {@code start} for six hours. */
	protected Event publishedEvent(UUID organizer, Instant start) {
		EventServiceGrpc.EventServiceBlockingStub events = bearer(this.anonymousEvents, organizerToken(organizer));
		Event draft = events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Session day", start, start.plus(6, ChronoUnit.HOURS)))
			.build());
		return events.publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).build());
	}

	/** A session of the test event from {@code fromMinute} to {@code toMinute} after it starts. */
	protected Session session(String title, int fromMinute, int toMinute) {
		return this.sessions.createSession(CreateSessionRequest.newBuilder()
			.setEventId(this.event.getId())
			.setSession(SessionDraft.newBuilder()
				.setTitle(title)
				.setStartsAt(ProtoTime.of(this.start.plus(fromMinute, ChronoUnit.MINUTES)))
				.setEndsAt(ProtoTime.of(this.start.plus(toMinute, ChronoUnit.MINUTES)))
				.setCapacity(50))
			.build());
	}

	protected Session cancel(Session session) {
		return this.sessions.cancelSession(CancelSessionRequest.newBuilder().setId(session.getId()).setReason("Room flooded").build());
	}

	protected Session assignSpeaker(Session session, UUID user) {
		return this.sessions.assignSpeaker(AssignSpeakerRequest.newBuilder()
			.setSessionId(session.getId())
			.setUserId(user.toString())
			.setRole(SpeakerRole.SPEAKER)
			.build());
	}

	/** A confirmed registration of the test event for the user (null: a guest without an account). */
	protected UUID confirmed(UUID user, String name) {
		return this.fixtures.confirmed(this.event.getId(), this.ticketTypeId, user, name);
	}

	/** The ticket code of a registration, as the organizer reads it. */
	protected String codeOf(UUID registrationId) {
		return bearer(TicketServiceGrpc.newBlockingStub(this.channel), organizerToken(this.organizerId))
			.getTicket(GetTicketRequest.newBuilder().setRegistrationId(registrationId.toString()).build())
			.getCode();
	}

	protected SessionCheckInResult scan(Session session, String code) {
		return this.attendance.checkInToSession(
				SessionCheckInRequest.newBuilder().setSessionId(session.getId()).setCode(code).setDeviceId("door-1").build());
	}

	/** Makes the session one that requires a seat (it keeps its capacity of 50). */
	protected void requireSeat(Session session) {
		this.sessions.updateSession(UpdateSessionRequest.newBuilder()
			.setId(session.getId())
			.setSession(SessionDraft.newBuilder().setRequiresSeat(true).setCapacity(session.getCapacity()))
			.setUpdateMask(FieldMask.newBuilder().addPaths("requires_seat").addPaths("capacity"))
			.build());
	}

	/**
	 * The user adds the session to their agenda, through the agenda API: a session that requires
	 * a seat takes one, which needs the user's confirmed registration first.
	 */
	protected AgendaEntry bookmark(Session session, UUID user) {
		return bearer(AgendaServiceGrpc.newBlockingStub(this.channel), attendeeToken(user))
			.addToAgenda(AddToAgendaRequest.newBuilder().setSessionId(session.getId()).build());
	}

}
