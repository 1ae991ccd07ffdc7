package org.convene.core.registration;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.core.v1.proto.EventStatistics;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling an event ends its registrations in the same transaction. */
class EventCancellationTests extends RegistrationIntegrationTest {

	@Test
	void cancelsPendingConfirmedAndWaitlistedRegistrationsKeepsAdmissionsAndPromotesNobody() {
		Event event = publishedEvent(3);
		TicketType free = ticketType(event, free("Standard"));
		TicketType paid = ticketType(event, paid("Supporter", 5000));
		Registration admitted = registerNewAttendee(free, false);
		Registration confirmed = registerNewAttendee(free, false);
		Registration pending = registerNewAttendee(paid, false);
		Registration waiting = registerNewAttendee(free, true);
		String adminToken = this.tokens.user(this.adminId, Set.of("ADMIN"), Scopes.ALL.toArray(String[]::new));
		bearer(CheckInServiceGrpc.newBlockingStub(this.channel), adminToken).checkIn(CheckInRequest.newBuilder()
			.setEventId(event.getId()).setCode(admitted.getTicketCode()).setDeviceId("gate-1").build());

		this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason("Venue flooded").build());

		for (Registration registration : new Registration[] { confirmed, pending, waiting }) {
			Registration now = this.organizerRegistrations.getRegistration(GetRegistrationRequest.newBuilder()
				.setId(registration.getId()).build());
			assertThat(now.getStatus()).as(registration.getAttendee().getName()).isEqualTo(RegistrationStatus.CANCELLED);
			assertThat(now.getCancellationReason()).isEqualTo("Event cancelled: Venue flooded");
			assertThat(outboxTypes(registration.getId())).endsWith("registration.cancelled");
		}
		assertThat(this.organizerRegistrations.getRegistration(GetRegistrationRequest.newBuilder().setId(admitted.getId()).build())
			.getStatus()).isEqualTo(RegistrationStatus.CHECKED_IN);
		EventStatistics statistics = this.organizerEvents.getEventStatistics(GetEventStatisticsRequest.newBuilder()
			.setEventId(event.getId()).build());
		assertThat(statistics.getCheckedIn()).isEqualTo(1);
		assertThat(statistics.getCancelled()).isEqualTo(3);
		assertThat(statistics.getConfirmed() + statistics.getPendingPayment() + statistics.getWaitlisted()).isZero();
		assertThat(seatsTaken(event.getId())).isEqualTo(1);
		assertThat(bearer(TicketServiceGrpc.newBlockingStub(this.channel), adminToken).validateTicket(ValidateTicketRequest
			.newBuilder().setEventId(event.getId()).setCode(confirmed.getTicketCode()).build()).getState())
			.isEqualTo(TicketState.REVOKED);
	}

}
