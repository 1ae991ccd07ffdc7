package org.convene.core.registration;

import java.util.UUID;

import org.jooq.JSONB;

/**
 * One registration asked for, checked and ready to take a seat: everything but the seat is
 * decided before it reaches the batch.
 *
 * @param id the registration's id
 * @param ticketTypeId its ticket type
 * @param userId the attendee's account, or {@code null} for a guest
 * @param name the attendee's name
 * @param email the attendee's e-mail address
 * @param answers the answers, as stored
 * @param price the ticket type's price in minor units
 * @param currency the price's currency
 * @param maxPerUser the ticket type's limit of active registrations per user; 0 for none
 * @param joinWaitlist whether to wait for a seat rather than fail when none is left
 */
record Applicant(UUID id, UUID ticketTypeId, UUID userId, String name, String email, JSONB answers, long price,
		String currency, int maxPerUser, boolean joinWaitlist) {

	/** Whether the per-user limit applies: the ticket type has one and the attendee has an account. */
	boolean limited() {
		return this.maxPerUser > 0 && this.userId != null;
	}

}
