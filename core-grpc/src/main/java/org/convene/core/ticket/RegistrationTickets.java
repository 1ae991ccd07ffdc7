package org.convene.core.ticket;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.registration.TicketCodeIssuer;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Registration;

/** The ticket codes the registration service's answers carry. */
@Component
class RegistrationTickets implements TicketCodeIssuer {

	private final TicketCodes codes;

	RegistrationTickets(TicketCodes codes) {
		this.codes = codes;
	}

	@Override
	public String codeFor(Registration registration) {
		Instant confirmed = ProtoTime.toInstant(registration.hasConfirmedAt() ? registration.getConfirmedAt()
				: registration.getCreatedAt());
		return this.codes.ticket(UUID.fromString(registration.getId()), UUID.fromString(registration.getEventId()),
				UUID.fromString(registration.getTicketTypeId()), confirmed).getCode();
	}

}
