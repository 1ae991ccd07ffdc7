package org.convene.core.change;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeServiceGrpc;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.Visibility;
import org.convene.core.v1.proto.WatchChangesRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Change streams over a real gRPC channel, fed by changes made through the API. */
class ChangeFeedTests extends RegistrationIntegrationTest {

	@Autowired
	ChangeHub hub;

	private Event event;

	private TicketType standard;

	private Stream stream;

	@BeforeEach
	void event() {
		this.event = publishedEvent(100);
		this.standard = ticketType(this.event, free("Standard"));
	}

	@AfterEach
	void closeStream() {
		if (this.stream != null) {
			this.stream.cancel();
		}
	}

	@Test
	void streamsChangesOfTheEventToWhoeverMaySeeIt() throws Exception {
		this.stream = watch(ChangeTopic.EVENT, this.event.getId(), null);

		this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
			.setId(this.event.getId())
			.setEvent(EventDraft.newBuilder().setTitle("Renamed"))
			.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
			.build());

		Change change = nextChangeOfTheEvent();
		assertThat(change.getType()).isEqualTo("event.updated");
		assertThat(change.getAggregateId()).isEqualTo(this.event.getId());
		assertThat(change.hasOccurredAt()).isTrue();
		assertThat(change.getEvent().getTitle()).isEqualTo("Renamed");
		assertThat(change.getEvent().getVersion()).isEqualTo(this.event.getVersion() + 1);
	}

	@Test
	void streamsSessionChangesOfTheEventToWhoeverMaySeeIt() throws Exception {
		this.stream = watch(ChangeTopic.SESSIONS, this.event.getId(), null);
		SessionServiceGrpc.SessionServiceBlockingStub sessions = bearer(SessionServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.SESSIONS_READ, Scopes.SESSIONS_WRITE));

		Session created = sessions.createSession(CreateSessionRequest.newBuilder()
			.setEventId(this.event.getId())
			.setSession(SessionDraft.newBuilder()
				.setTitle("Opening")
				.setRoom("Hall A")
				.setStartsAt(this.event.getStartsAt())
				.setEndsAt(ProtoTime.of(ProtoTime.toInstant(this.event.getStartsAt()).plusSeconds(1800))))
			.build());
		sessions.cancelSession(CancelSessionRequest.newBuilder().setId(created.getId()).setReason("Speaker ill").build());

		Change first = this.stream.next();
		assertThat(first.getType()).isEqualTo("session.created");
		assertThat(first.getAggregateId()).isEqualTo(created.getId());
		assertThat(first.getSession()).isEqualTo(created);
		Change second = this.stream.next();
		assertThat(second.getType()).isEqualTo("session.cancelled");
		assertThat(second.getSession().getCancellationReason()).isEqualTo("Speaker ill");
	}

	@Test
	void refusesSessionStreamsOfEventsTheCallerMayNotSee() throws Exception {
		Event draft = this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Secret plans", START, START.plusSeconds(3600)))
			.build());

		Stream stream = open(ChangeTopic.SESSIONS, draft.getId(), null);

		assertThat(ApiError.fromThrowable(stream.failure()).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
	}

	@Test
	void streamsRegistrationsAndCheckInsToTheOrganizer() throws Exception {
		this.stream = watch(ChangeTopic.REGISTRATIONS, this.event.getId(), userToken(this.organizer, "ORGANIZER"));
		Stream checkIns = watch(ChangeTopic.CHECK_INS, this.event.getId(), userToken(this.organizer, "ORGANIZER"));

		Registration registration = registerNewAttendee(this.standard, false);
		bearer(CheckInServiceGrpc.newBlockingStub(this.channel), this.tokens.user(this.organizer, Set.of("ORGANIZER"),
				Scopes.EVENTS_READ, Scopes.CHECKIN_WRITE))
			.checkIn(CheckInRequest.newBuilder()
				.setEventId(this.event.getId())
				.setCode(registration.getTicketCode())
				.setDeviceId("door-1")
				.build());

		Change created = this.stream.next();
		Change confirmed = this.stream.next();
		assertThat(created.getType()).isEqualTo("registration.created");
		assertThat(confirmed.getType()).isEqualTo("registration.confirmed");
		assertThat(confirmed.getRegistration().getId()).isEqualTo(registration.getId());
		assertThat(confirmed.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(confirmed.getRegistration().getTicketCode()).as("outbox records hold no codes").isEmpty();
		Change admitted = checkIns.next();
		assertThat(admitted.getType()).isEqualTo("checkin.completed");
		assertThat(admitted.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CHECKED_IN);
		checkIns.cancel();
	}

	@Test
	void sendsNothingOfOtherEvents() throws Exception {
		Event other = publishedEvent(100);
		this.stream = watch(ChangeTopic.REGISTRATIONS, this.event.getId(), userToken(this.organizer, "ORGANIZER"));

		registerNewAttendee(ticketType(other, free("Other")), false);
		Registration mine = registerNewAttendee(this.standard, false);

		assertThat(this.stream.next().getRegistration().getId()).isEqualTo(mine.getId());
	}

	@Test
	void sendsNoChangeThatHidesTheEventFromTheWatcher() throws Exception {
		this.stream = watch(ChangeTopic.EVENT, this.event.getId(), userToken(newUser("Ada"), "ATTENDEE"));

		setVisibility(Visibility.PRIVATE);
		setVisibility(Visibility.PUBLIC);

		Change change = nextChangeOfTheEvent();
		assertThat(change.getEvent().getVisibility()).as("the first change the attendee may see").isEqualTo(Visibility.PUBLIC);
		assertThat(change.getEvent().getVersion()).isEqualTo(this.event.getVersion() + 2);
	}

	/**
	 * The next change of the test event made after the test began: its publication, committed
	 * just before the watch began, may still be announced after it.
	 */
	private Change nextChangeOfTheEvent() throws InterruptedException {
		Change change = this.stream.next();
		while (change.getEvent().getVersion() <= this.event.getVersion()) {
			change = this.stream.next();
		}
		return change;
	}

	private void setVisibility(Visibility visibility) {
		this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
			.setId(this.event.getId())
			.setEvent(EventDraft.newBuilder().setVisibility(visibility))
			.setUpdateMask(FieldMask.newBuilder().addPaths("visibility"))
			.build());
	}

	@Test
	void refusesAnAttendeeTheRegistrationsOfAnotherOrganizersEvent() throws Exception {
		String attendee = userToken(newUser("Ada"), "ATTENDEE");

		StatusRuntimeException status = open(ChangeTopic.REGISTRATIONS, this.event.getId(), attendee).failure();

		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void hidesAnEventTheCallerMayNotSee() throws Exception {
		Event draft = this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Draft", START, START.plusSeconds(3600)))
			.build());

		StatusRuntimeException status = open(ChangeTopic.EVENT, draft.getId(), userToken(newUser("Ada"), "ATTENDEE")).failure();

		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void refusesAnInvalidEventIdOrTopic() throws Exception {
		StatusRuntimeException badId = open(ChangeTopic.EVENT, "not-a-uuid", null).failure();
		StatusRuntimeException noTopic = open(ChangeTopic.CHANGE_TOPIC_UNSPECIFIED, this.event.getId(), null).failure();

		assertThat(badId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(ApiError.fromThrowable(badId).target()).isEqualTo("eventId");
		assertThat(noTopic.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(ApiError.fromThrowable(noTopic).target()).isEqualTo("topic");
	}

	@Test
	void forgetsAStreamTheClientCancels() throws Exception {
		int before = this.hub.openStreams();
		Stream stream = watch(ChangeTopic.EVENT, this.event.getId(), null);

		stream.cancel();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.openStreams() == before);
	}

	/** Opens a stream and waits until the hub serves it. */
	private Stream watch(ChangeTopic topic, String eventId, String token) {
		int before = this.hub.openStreams();
		Stream stream = open(topic, eventId, token);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.openStreams() > before);
		return stream;
	}

	private Stream open(ChangeTopic topic, String eventId, String token) {
		ChangeServiceGrpc.ChangeServiceStub stub = ChangeServiceGrpc.newStub(this.channel);
		if (token != null) {
			stub = bearer(stub, token);
		}
		Stream stream = new Stream();
		stub.watchChanges(WatchChangesRequest.newBuilder().setTopic(topic).setEventId(eventId).build(), stream);
		return stream;
	}

	/** What a client receives on one stream. */
	private static final class Stream implements ClientResponseObserver<WatchChangesRequest, Change> {

		private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();

		private final CompletableFuture<StatusRuntimeException> ended = new CompletableFuture<>();

		private ClientCallStreamObserver<WatchChangesRequest> call;

		@Override
		public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> call) {
			this.call = call;
		}

		@Override
		public void onNext(Change change) {
			this.changes.add(change);
		}

		@Override
		public void onError(Throwable failure) {
			this.ended.complete(failure instanceof StatusRuntimeException status ? status
					: Status.fromThrowable(failure).asRuntimeException());
		}

		@Override
		public void onCompleted() {
			this.ended.complete(Status.OK.asRuntimeException());
		}

		Change next() throws InterruptedException {
			Change change = this.changes.poll(10, TimeUnit.SECONDS);
			assertThat(change).as("a change within 10 s (stream ended: %s)", this.ended.getNow(null)).isNotNull();
			return change;
		}

		StatusRuntimeException failure() throws Exception {
			return this.ended.get(10, TimeUnit.SECONDS);
		}

		void cancel() {
			this.call.cancel("test done", null);
		}

	}

}
