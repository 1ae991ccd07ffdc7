package org.convene.core.tickettype;

import java.util.UUID;

/**
 * Published, inside the changing transaction, when a ticket type's quantity was raised or
 * removed: seats may have become free for the event's waiting list.
 *
 * @param eventId the ticket type's event
 * @param ticketTypeId the ticket type
 */
public record TicketTypeQuantityRaised(UUID eventId, UUID ticketTypeId) {
}
