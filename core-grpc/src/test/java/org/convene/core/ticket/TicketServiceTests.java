package org.convene.core.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.TicketIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsResponse;
import org.convene.ticket.v1.proto.Ticket;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc.TicketServiceBlockingStub;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.TicketValidation;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;

/** TicketService: who gets a ticket, what a code is worth, and which tickets are revoked. */
class TicketServiceTests extends TicketIntegrationTest {

	private static GetTicketRequest request(UUID registrationId) {
		return GetTicketRequest.newBuilder().setRegistrationId(registrationId.toString()).build();
	}

	private TicketServiceBlockingStub attendee(UUID user, String... scopes) {
		return ticketsAs(this.tokens.user(user, Set.of("ATTENDEE"), scopes));
	}

	@Nested
	class GettingATicket {

		@Test
		void givesTheAttendeeTheirOwnTicket() {
			UUID ada = newUser("Ada Lovelace");
			UUID registration = fixtures.confirmed(event.getId(), ticketTypeId, ada, "Ada Lovelace");

			Ticket ticket = attendee(ada, Scopes.REGISTRATIONS_READ).getTicket(request(registration));

			assertThat(ticket.getRegistrationId()).isEqualTo(registration.toString());
			assertThat(ticket.getEventId()).isEqualTo(event.getId());
			assertThat(ticket.getTicketTypeId()).isEqualTo(ticketTypeId.toString());
			assertThat(ticket.getIssuedAt().getSeconds())
				.isEqualTo(fixtures.registration(registration).getConfirmedAt().getEpochSecond());
			assertThat(ticket).isEqualTo(tickets.getTicket(request(registration)));
		}

		@Test
		void givesTheOrganizerAndAnAdministratorEveryTicketOfTheEvent() {
			UUID registration = confirmed("Ada Lovelace");
			String admin = TicketServiceTests.this.tokens.user(adminId, Set.of("ADMIN"), Scopes.ADMIN, Scopes.REGISTRATIONS_READ);

			Ticket asOrganizer = tickets.getTicket(request(registration));
			Ticket asAdmin = ticketsAs(admin).getTicket(request(registration));

			assertThat(asAdmin).isEqualTo(asOrganizer);
		}

		@Test
		void hidesTheTicketFromOtherAttendeesAndOrganizers() {
			UUID registration = fixtures.confirmed(event.getId(), ticketTypeId, newUser("Ada Lovelace"), "Ada Lovelace");
			UUID otherOrganizer = newUser("Otto", "ORGANIZER");

			assertRefused(failureOf(() -> attendee(newUser("Eve"), Scopes.REGISTRATIONS_READ).getTicket(request(registration))),
					Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "registrationId");
			assertRefused(failureOf(() -> ticketsAs(organizerToken(otherOrganizer)).getTicket(request(registration))),
					Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "registrationId");
		}

		@Test
		void needsRegistrationsReadAndCredentials() {
			UUID ada = newUser("Ada Lovelace");
			UUID registration = fixtures.confirmed(event.getId(), ticketTypeId, ada, "Ada Lovelace");

			assertRefused(failureOf(() -> attendee(ada, Scopes.EVENTS_READ).getTicket(request(registration))),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> TicketServiceGrpc.newBlockingStub(channel).getTicket(request(registration))),
					Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

		@Test
		void refusesRegistrationsWithoutATicket() {
			UUID pending = fixtures.pending(event.getId(), ticketTypeId, null, "Paula Pending");
			UUID cancelled = confirmed("Carl Cancelled");
			fixtures.cancel(cancelled, Instant.now());

			for (UUID registration : new UUID[] { pending, cancelled }) {
				assertRefused(failureOf(() -> tickets.getTicket(request(registration))), Status.Code.FAILED_PRECONDITION,
						ErrorCode.INVALID_STATE_TRANSITION, "registrationId");
			}
		}

		@Test
		void answersNotFoundForAnUnknownRegistrationAndInvalidForAMalformedId() {
			assertRefused(failureOf(() -> tickets.getTicket(request(UUID.randomUUID()))), Status.Code.NOT_FOUND,
					ErrorCode.RESOURCE_NOT_FOUND);
			assertInvalid(failureOf(() -> tickets.getTicket(GetTicketRequest.newBuilder().setRegistrationId("42").build())),
					"registrationId");
		}

	}

	@Nested
	class ValidatingACode {

		private TicketValidation validate(String code) {
			return tickets.validateTicket(ValidateTicketRequest.newBuilder().setCode(code).setEventId(event.getId()).build());
		}

		@Test
		void findsAConfirmedTicketValidWithItsRegistration() {
			UUID registration = confirmed("Ada Lovelace");

			TicketValidation validation = validate(codeOf(registration));

			assertThat(validation.getState()).isEqualTo(TicketState.VALID);
			assertThat(validation.getRegistration().getId()).isEqualTo(registration.toString());
			assertThat(validation.getRegistration().getAttendee().getName()).isEqualTo("Ada Lovelace");
			assertThat(validation.getRegistration().getTicketCode()).isEqualTo(codeOf(registration));
			assertThat(validation.hasCheckIn()).isFalse();
		}

		@Test
		void findsAnAdmittedTicketAlreadyCheckedInWithWhenWhereAndWhichDevice() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			checkIns.checkIn(CheckInRequest.newBuilder()
				.setCode(code)
				.setEventId(event.getId())
				.setDeviceId("door-1")
				.setLocation("Main entrance")
				.build());

			TicketValidation validation = validate(code);

			assertThat(validation.getState()).isEqualTo(TicketState.ALREADY_CHECKED_IN);
			assertThat(validation.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CHECKED_IN);
			assertThat(validation.getCheckIn().getDeviceId()).isEqualTo("door-1");
			assertThat(validation.getCheckIn().getLocation()).isEqualTo("Main entrance");
			assertThat(validation.getCheckIn().getRecordedBy()).isEqualTo("user:" + organizerId);
			assertThat(validation.getCheckIn().hasScannedAt()).isTrue();
		}

		@Test
		void findsACancelledRegistrationsTicketRevoked() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			fixtures.cancel(registration, Instant.now());

			TicketValidation validation = validate(code);

			assertThat(validation.getState()).isEqualTo(TicketState.REVOKED);
			assertThat(validation.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
		}

		@Test
		void findsAnUnconfirmedRegistrationsTicketNotConfirmed() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			fixtures.makePending(registration);

			assertThat(validate(code).getState()).isEqualTo(TicketState.NOT_CONFIRMED);
		}

		@Test
		void doesNotKnowTheTicketOfAnotherEvent() {
			Event other = publishedEvent(organizerId, "Another night", Visibility.PUBLIC);
			UUID type = fixtures.ticketType(other.getId(), "Standard");
			String code = codeOf(fixtures.confirmed(other.getId(), type, null, "Ada Lovelace"));

			TicketValidation validation = validate(code);

			assertThat(validation.getState()).isEqualTo(TicketState.UNKNOWN);
			assertThat(validation.hasRegistration()).isFalse();
		}

	}

	@Nested
	class ListingRevokedTickets {

		private ListRevokedTicketsResponse revoked(Instant since) {
			ListRevokedTicketsRequest.Builder request = ListRevokedTicketsRequest.newBuilder().setEventId(event.getId());
			if (since != null) {
				request.setSince(ProtoTime.of(since));
			}
			return tickets.listRevokedTickets(request.build());
		}

		@Test
		void listsTheCancelledRegistrationsThatHadATicket() {
			UUID cancelled = confirmed("Carl Cancelled");
			fixtures.cancel(cancelled, Instant.now().minus(1, ChronoUnit.HOURS));
			UUID neverConfirmed = fixtures.pending(event.getId(), ticketTypeId, null, "Paula Pending");
			fixtures.cancel(neverConfirmed, Instant.now().minus(1, ChronoUnit.HOURS));
			confirmed("Ada Lovelace");

			ListRevokedTicketsResponse response = revoked(null);

			assertThat(response.getRegistrationIdsList()).containsExactly(cancelled.toString());
			assertThat(ProtoTime.toInstant(response.getAsOf())).isBetween(Instant.now().minus(2, ChronoUnit.MINUTES),
					Instant.now().minus(50, ChronoUnit.SECONDS));
		}

		@Test
		void givesOnlyWhatWasRevokedSinceTheLastListInIncrements() {
			UUID early = confirmed("Early Cancelled");
			fixtures.cancel(early, Instant.now().minus(2, ChronoUnit.HOURS));
			Instant asOf = ProtoTime.toInstant(revoked(null).getAsOf());
			UUID late = confirmed("Late Cancelled");
			fixtures.cancel(late, Instant.now());

			ListRevokedTicketsResponse increment = revoked(asOf);

			assertThat(increment.getRegistrationIdsList()).containsExactly(late.toString());
		}

	}

}
