package org.convene.core.registration;

import org.convene.registration.v1.proto.Registration;

/**
 * Issues the ticket code of a registration that holds a seat (CONFIRMED or CHECKED_IN); the
 * ticket feature provides it. Answers of this service carry the code; outbox records do not,
 * since a code admits its holder.
 */
public interface TicketCodeIssuer {

	String codeFor(Registration registration);

}
