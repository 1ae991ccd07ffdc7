package org.convene.core.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * What a verified ticket code says.
 *
 * @param registrationId the registration the ticket belongs to
 * @param eventId the event it admits to
 * @param ticketTypeId the ticket type it was issued for
 * @param issuedAt when it was issued, to the second
 * @param keyId the kid of the key that signed it
 */
public record TicketCode(UUID registrationId, UUID eventId, UUID ticketTypeId, Instant issuedAt, String keyId) {
}
