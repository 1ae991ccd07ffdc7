package org.convene.core.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventEdge;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.grpc.ApiError;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.QuestionKind;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc.RegistrationServiceBlockingStub;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.REGISTRATION;

class RegistrationLifecycleTests extends RegistrationIntegrationTest {

	@Autowired
	private HoldExpiry holdExpiry;

	private Registration get(Registration registration) {
		return this.organizerRegistrations.getRegistration(GetRegistrationRequest.newBuilder().setId(registration.getId()).build());
	}

	private Registration cancel(RegistrationServiceBlockingStub stub, Registration registration, String reason) {
		return stub.cancelRegistration(CancelRegistrationRequest.newBuilder().setId(registration.getId()).setReason(reason).build());
	}

	private static ErrorCode codeOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure).code();
	}

	/** Lets the hold of a pending registration run out, as if its time had passed. */
	private void expireHold(Registration registration) {
		this.db.update(REGISTRATION)
			.set(REGISTRATION.HOLD_EXPIRES_AT, Instant.now().minusSeconds(1))
			.where(REGISTRATION.ID.eq(UUID.fromString(registration.getId())))
			.execute();
	}

	@Nested
	class Creating {

		@Test
		void confirmsAFreeRegistrationAtOnceWithTheAttendeesProfileAndRecordsCreatedAndConfirmed() {
			TicketType type = ticketType(publishedEvent(10), free("Community"));
			UUID ada = newUser("Ada Lovelace");

			Registration registration = registrationsAs(ada).createRegistration(request(type).build());

			assertThat(registration.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(registration.getUserId()).isEqualTo(ada.toString());
			assertThat(registration.getAttendee()).isEqualTo(Attendee.newBuilder().setName("Ada Lovelace").setEmail(ada + "@example.test").build());
			assertThat(registration.hasConfirmedAt()).isTrue();
			assertThat(registration.getCreatedBy()).isEqualTo("user:" + ada);
			assertThat(registration.getVersion()).isEqualTo(1);
			assertThat(get(registration)).isEqualTo(registration);
			assertThat(outboxTypes(registration.getId())).containsExactly("registration.created", "registration.confirmed");
			assertThat(seatsTaken(type.getEventId())).isEqualTo(1);
			assertThat(seatsTaken(type.getId())).isEqualTo(1);
		}

		@Test
		void holdsAPaidSeatUntilThePaymentServiceConfirmsIt() {
			TicketType type = ticketType(publishedEvent(10), paid("Standard", 2500));
			UUID attendee = newUser("Bob");
			Instant before = Instant.now();

			Registration pending = registrationsAs(attendee).createRegistration(request(type).build());
			StatusRuntimeException byAttendee = failureOf(() -> registrationsAs(attendee)
				.confirmRegistration(ConfirmRegistrationRequest.newBuilder().setId(pending.getId()).build()));
			Registration confirmed = paymentsService()
				.confirmRegistration(ConfirmRegistrationRequest.newBuilder().setId(pending.getId()).setPaymentReference("pi_1").build());
			StatusRuntimeException again = failureOf(() -> paymentsService()
				.confirmRegistration(ConfirmRegistrationRequest.newBuilder().setId(pending.getId()).build()));

			assertThat(pending.getStatus()).isEqualTo(RegistrationStatus.PENDING_PAYMENT);
			assertThat(pending.getPrice().getAmount()).isEqualTo(2500);
			assertThat(ProtoTime.toInstant(pending.getHoldExpiresAt())).isBetween(before.plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60));
			assertThat(byAttendee.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(confirmed.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(confirmed.hasHoldExpiresAt()).isFalse();
			assertThat(codeOf(again)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(outboxTypes(pending.getId())).containsExactly("registration.created", "registration.confirmed");
		}

		@Test
		void waitlistsWhenAskedAndOtherwiseAnswersSoldOut() {
			TicketType type = ticketType(publishedEvent(1), free("Standard"));
			registerNewAttendee(type, false);

			StatusRuntimeException soldOut = failureOf(() -> registerNewAttendee(type, false));
			Registration first = registerNewAttendee(type, true);
			Registration second = registerNewAttendee(type, true);

			assertThat(codeOf(soldOut)).isEqualTo(ErrorCode.SOLD_OUT);
			assertThat(soldOut.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(first.getStatus()).isEqualTo(RegistrationStatus.WAITLISTED);
			assertThat(first.getWaitlistPosition()).isEqualTo(1);
			assertThat(second.getWaitlistPosition()).isEqualTo(2);
			assertThat(outboxTypes(first.getId())).containsExactly("registration.created");
			assertThat(seatsTaken(type.getEventId())).isEqualTo(1);
		}

		@Test
		void refusesTheTicketTypesQuantityEvenWhenTheEventHasRoom() {
			TicketType type = ticketType(publishedEvent(100), free("Standard").setQuantity(1));
			registerNewAttendee(type, false);

			assertThat(codeOf(failureOf(() -> registerNewAttendee(type, false)))).isEqualTo(ErrorCode.SOLD_OUT);
		}

		@Test
		void limitsActiveRegistrationsPerUserButNotCancelledOnes() {
			TicketType type = ticketType(publishedEvent(100), free("Standard").setMaxPerUser(1));
			UUID attendee = newUser("Carol");
			RegistrationServiceBlockingStub carol = registrationsAs(attendee);
			Registration first = carol.createRegistration(request(type).build());

			StatusRuntimeException second = failureOf(() -> carol.createRegistration(request(type).build()));
			cancel(carol, first, "Changed plans");
			Registration again = carol.createRegistration(request(type).build());

			assertThat(codeOf(second)).isEqualTo(ErrorCode.REGISTRATION_LIMIT_REACHED);
			assertThat(again.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
		}

		@Test
		void sellsOnlyWithinTheSalesWindow() {
			Event event = publishedEvent(100);
			TicketType notYet = ticketType(event, free("Later").setSalesStart(ProtoTime.of(Instant.now().plus(1, ChronoUnit.DAYS))));
			TicketType over = ticketType(event, free("Early bird").setSalesEnd(ProtoTime.of(Instant.now().minusSeconds(60)))
				.setSalesStart(ProtoTime.of(Instant.now().minus(2, ChronoUnit.DAYS))));

			assertThat(codeOf(failureOf(() -> registerNewAttendee(notYet, false)))).isEqualTo(ErrorCode.SALES_NOT_OPEN);
			assertThat(codeOf(failureOf(() -> registerNewAttendee(over, false)))).isEqualTo(ErrorCode.SALES_NOT_OPEN);
		}

		@Test
		void checksAnswersAgainstTheQuestions() {
			TicketType type = ticketType(publishedEvent(100), free("Standard")
				.addQuestions(Question.newBuilder().setKey("tshirt_size").setLabel("Size").setKind(QuestionKind.CHOICE)
					.setRequired(true).addOptions("S").addOptions("M"))
				.addQuestions(Question.newBuilder().setKey("vegan").setLabel("Vegan?").setKind(QuestionKind.YES_NO))
				.addQuestions(Question.newBuilder().setKey("company").setLabel("Company").setKind(QuestionKind.TEXT)));
			UUID attendee = newUser("Dan");

			StatusRuntimeException wrong = failureOf(() -> registrationsAs(attendee).createRegistration(request(type)
				.putAnswers("tshirt_size", "XXL")
				.putAnswers("vegan", "yes")
				.putAnswers("shoe_size", "44")
				.build()));
			StatusRuntimeException missing = failureOf(() -> registrationsAs(attendee).createRegistration(request(type).build()));
			Registration registration = registrationsAs(attendee)
				.createRegistration(request(type).putAnswers("tshirt_size", "M").putAnswers("vegan", "true").build());

			assertThat(ApiError.fromThrowable(wrong).violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("answers.tshirt_size", "answers.vegan", "answers.shoe_size");
			assertThat(ApiError.fromThrowable(missing).violations()).extracting(FieldViolation::field)
				.containsExactly("answers.tshirt_size");
			assertThat(registration.getAnswersMap()).containsOnly(Map.entry("tshirt_size", "M"),
					Map.entry("vegan", "true"));
		}

		@Test
		void opensRegistrationForPublishedEventsOnly() {
			Event event = publishedEvent(100);
			TicketType type = ticketType(event, free("Standard"));
			RegistrationLifecycleTests.this.organizerEvents
				.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason("Storm").build());

			assertThat(codeOf(failureOf(() -> registerNewAttendee(type, false)))).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
		}

		@Test
		void refusesADisabledAccountWhoseTokenHasNotExpiredYet() {
			Event event = publishedEvent(100);
			TicketType type = ticketType(event, free("Standard"));
			UUID attendee = newUser("Disabled Dora");
			RegistrationLifecycleTests.this.db.update(APP_USER).set(APP_USER.STATUS, "DISABLED").where(APP_USER.ID.eq(attendee)).execute();

			assertThat(codeOf(failureOf(() -> registrationsAs(attendee).createRegistration(request(type).build()))))
				.isEqualTo(ErrorCode.PERMISSION_DENIED);
			StatusRuntimeException byOrganizer = failureOf(() -> RegistrationLifecycleTests.this.organizerRegistrations
				.createRegistration(request(type).setUserId(attendee.toString()).build()));
			assertThat(codeOf(byOrganizer)).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(RegistrationLifecycleTests.this.db.fetchCount(REGISTRATION, REGISTRATION.USER_ID.eq(attendee))).isZero();
		}

	}

	@Nested
	class Changing {

		@Test
		void changesTheAttendeeAndAnswersWithTheExpectedVersion() {
			TicketType type = ticketType(publishedEvent(100), free("Standard"));
			UUID attendee = newUser("Erin");
			Registration registration = registrationsAs(attendee).createRegistration(request(type).build());

			Registration changed = registrationsAs(attendee).updateRegistration(UpdateRegistrationRequest.newBuilder()
				.setId(registration.getId())
				.setAttendee(Attendee.newBuilder().setName("Erin Smith").setEmail("ignored@example.test"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("attendee.name"))
				.setExpectedVersion(1)
				.build());
			StatusRuntimeException stale = failureOf(() -> RegistrationLifecycleTests.this.organizerRegistrations
				.updateRegistration(UpdateRegistrationRequest.newBuilder()
					.setId(registration.getId())
					.setAttendee(Attendee.newBuilder().setEmail("erin@example.test"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("attendee.email"))
					.setExpectedVersion(1)
					.build()));

			assertThat(changed.getAttendee().getName()).isEqualTo("Erin Smith");
			assertThat(changed.getAttendee().getEmail()).isEqualTo(registration.getAttendee().getEmail());
			assertThat(changed.getVersion()).isEqualTo(2);
			assertThat(codeOf(stale)).isEqualTo(ErrorCode.PRECONDITION_FAILED);
			assertThat(outboxTypes(registration.getId())).endsWith("registration.updated");
		}

		@Test
		void cancelsWithAReasonReturningTheSeatOnceOnly() {
			TicketType type = ticketType(publishedEvent(100), free("Standard"));
			UUID attendee = newUser("Finn");
			Registration registration = registrationsAs(attendee).createRegistration(request(type).build());

			Registration cancelled = cancel(registrationsAs(attendee), registration, "Sick");
			StatusRuntimeException twice = failureOf(() -> cancel(registrationsAs(attendee), registration, "Still sick"));
			StatusRuntimeException noReason = failureOf(() -> cancel(registrationsAs(attendee), registration, " "));

			assertThat(cancelled.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
			assertThat(cancelled.getCancellationReason()).isEqualTo("Sick");
			assertThat(cancelled.hasCancelledAt()).isTrue();
			assertThat(codeOf(twice)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(codeOf(noReason)).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(seatsTaken(type.getEventId())).isZero();
			assertThat(outboxTypes(registration.getId())).endsWith("registration.cancelled");
		}

		@Test
		void cannotCancelARegistrationThatIsCheckedIn() {
			TicketType type = ticketType(publishedEvent(100), free("Standard"));
			Registration registration = registerNewAttendee(type, false);
			RegistrationLifecycleTests.this.db.update(REGISTRATION)
				.set(REGISTRATION.STATUS, "CHECKED_IN")
				.set(REGISTRATION.CHECKED_IN_AT, Instant.now())
				.where(REGISTRATION.ID.eq(UUID.fromString(registration.getId())))
				.execute();

			StatusRuntimeException failure = failureOf(() -> cancel(RegistrationLifecycleTests.this.organizerRegistrations,
					registration, "Too late"));

			assertThat(codeOf(failure)).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
		}

	}

	@Nested
	class Waitlist {

		@Test
		void promotesTheFirstWaitlistedRegistrationThatFitsTheFreedSeat() {
			Event event = publishedEvent(2);
			TicketType a = ticketType(event, free("A").setQuantity(1));
			TicketType b = ticketType(event, free("B").setQuantity(1));
			Registration holderA = registerNewAttendee(a, false);
			registerNewAttendee(b, false);
			Registration waitingB = registerNewAttendee(b, true);
			Registration waitingA1 = registerNewAttendee(a, true);
			Registration waitingA2 = registerNewAttendee(a, true);

			cancel(RegistrationLifecycleTests.this.organizerRegistrations, holderA, "Swapped");

			assertThat(get(waitingB).getStatus()).isEqualTo(RegistrationStatus.WAITLISTED);
			assertThat(get(waitingA1).getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(get(waitingA2).getStatus()).isEqualTo(RegistrationStatus.WAITLISTED);
			assertThat(get(waitingB).getWaitlistPosition()).isEqualTo(1);
			assertThat(get(waitingA2).getWaitlistPosition()).isEqualTo(2);
			assertThat(outboxTypes(waitingA1.getId())).containsExactly("registration.created", "registration.promoted",
					"registration.confirmed");
			assertThat(seatsTaken(event.getId())).isEqualTo(2).isEqualTo(seatsHeld(event.getId()));
		}

		@Test
		void releasesExpiredHoldsAndGivesThePaidSeatToTheWaitlistWithANewHold() {
			TicketType type = ticketType(publishedEvent(1), paid("Standard", 1000));
			Registration holder = registerNewAttendee(type, false);
			Registration waiting = registerNewAttendee(type, true);
			Registration otherEventsHold = registerNewAttendee(ticketType(publishedEvent(5), paid("Other", 500)), false);
			expireHold(holder);

			int released = RegistrationLifecycleTests.this.holdExpiry.releaseExpiredHolds();

			Registration expired = get(holder);
			Registration promoted = get(waiting);
			assertThat(released).isGreaterThanOrEqualTo(1);
			assertThat(expired.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
			assertThat(expired.getCancellationReason()).isEqualTo("Payment hold expired");
			assertThat(promoted.getStatus()).isEqualTo(RegistrationStatus.PENDING_PAYMENT);
			assertThat(ProtoTime.toInstant(promoted.getHoldExpiresAt())).isAfter(Instant.now().plusSeconds(10 * 60));
			assertThat(get(otherEventsHold).getStatus()).isEqualTo(RegistrationStatus.PENDING_PAYMENT);
			assertThat(outboxTypes(holder.getId())).endsWith("registration.cancelled");
			assertThat(outboxTypes(waiting.getId())).containsExactly("registration.created", "registration.promoted");
			assertThat(seatsTaken(type.getEventId())).isEqualTo(1);
		}

		@Test
		void promotesInEveryOccurrenceWhoseCapacityAThisAndFollowingChangeRaises() {
			EventDraft.Builder draft = Drafts.event("Weekly class", START, START.plus(2, ChronoUnit.HOURS)).setCapacity(1);
			Event series = RegistrationLifecycleTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(draft).setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=2")).build());
			RegistrationLifecycleTests.this.organizerEvents.publishEvent(PublishEventRequest.newBuilder().setId(series.getId()).build());
			List<Event> occurrences = RegistrationLifecycleTests.this.organizerEvents.listEvents(ListEventsRequest.newBuilder()
				.setFilter(EventFilter.newBuilder().setSeriesId(series.getId())).build())
				.getEdgesList().stream().map(EventEdge::getEvent).toList();
			TicketType secondWeek = ticketType(occurrences.get(1), free("Standard"));
			registerNewAttendee(secondWeek, false);
			Registration waiting = registerNewAttendee(secondWeek, true);

			RegistrationLifecycleTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(occurrences.get(0).getId())
				.setEvent(EventDraft.newBuilder().setCapacity(3))
				.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
				.setScope(UpdateScope.THIS_AND_FOLLOWING)
				.build());

			assertThat(get(waiting).getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(outboxTypes(waiting.getId())).containsExactly("registration.created", "registration.promoted",
					"registration.confirmed");
		}

		@Test
		void promotesWhenTheOrganizerRaisesTheQuantityOrTheCapacity() {
			Event event = publishedEvent(2);
			TicketType type = ticketType(event, free("Standard").setQuantity(1));
			registerNewAttendee(type, false);
			Registration first = registerNewAttendee(type, true);
			Registration second = registerNewAttendee(type, true);

			RegistrationLifecycleTests.this.organizerTicketTypes.updateTicketType(UpdateTicketTypeRequest.newBuilder()
				.setId(type.getId())
				.setTicketType(TicketTypeDraft.newBuilder().setQuantity(5))
				.setUpdateMask(FieldMask.newBuilder().addPaths("quantity"))
				.build());
			RegistrationStatus secondWhileTheEventIsFull = get(second).getStatus();
			RegistrationLifecycleTests.this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
				.setId(event.getId())
				.setEvent(EventDraft.newBuilder().setCapacity(3))
				.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
				.build());

			assertThat(get(first).getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(secondWhileTheEventIsFull).isEqualTo(RegistrationStatus.WAITLISTED);
			assertThat(get(second).getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(seatsTaken(event.getId())).isEqualTo(3).isEqualTo(seatsHeld(event.getId()));
		}

		@Test
		void keepsAWaitlistedRegistrationOutOfTheSeatCountWhenItIsCancelled() {
			TicketType type = ticketType(publishedEvent(1), free("Standard"));
			registerNewAttendee(type, false);
			Registration waiting = registerNewAttendee(type, true);

			Registration cancelled = cancel(RegistrationLifecycleTests.this.organizerRegistrations, waiting, "No longer needed");

			assertThat(cancelled.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
			assertThat(cancelled.getWaitlistPosition()).isZero();
			assertThat(seatsTaken(type.getEventId())).isEqualTo(1);
			assertThat(List.of(seatsHeld(type.getEventId()))).containsExactly(1);
		}

	}

}
