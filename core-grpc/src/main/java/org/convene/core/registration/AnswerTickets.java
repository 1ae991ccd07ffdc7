package org.convene.core.registration;

import com.google.protobuf.Message;

import org.springframework.stereotype.Component;

import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;

/** Adds ticket codes to this service's answers: every registration that holds a seat carries its code. */
@Component
class AnswerTickets {

	private final TicketCodeIssuer tickets;

	AnswerTickets(TicketCodeIssuer tickets) {
		this.tickets = tickets;
	}

	Registration added(Registration registration) {
		boolean seated = registration.getStatus() == RegistrationStatus.CONFIRMED
				|| registration.getStatus() == RegistrationStatus.CHECKED_IN;
		return seated ? registration.toBuilder().setTicketCode(this.tickets.codeFor(registration)).build() : registration;
	}

	BatchCreateRegistrationsResponse added(BatchCreateRegistrationsResponse response) {
		BatchCreateRegistrationsResponse.Builder builder = response.toBuilder();
		builder.getResultsBuilderList().stream().filter(result -> result.hasRegistration())
			.forEach(result -> result.setRegistration(added(result.getRegistration())));
		return builder.build();
	}

	ListRegistrationsResponse added(ListRegistrationsResponse response) {
		ListRegistrationsResponse.Builder builder = response.toBuilder().clearRegistrations();
		response.getRegistrationsList().forEach(registration -> builder.addRegistrations(added(registration)));
		return builder.build();
	}

	/** An answer of registering: a {@link Registration} or a {@link BatchCreateRegistrationsResponse}. */
	Message added(Message answer) {
		if (answer instanceof Registration registration) {
			return added(registration);
		}
		if (answer instanceof BatchCreateRegistrationsResponse batch) {
			return added(batch);
		}
		throw new IllegalArgumentException("Not an answer of registering: " + answer.getDescriptorForType().getFullName());
	}

}
