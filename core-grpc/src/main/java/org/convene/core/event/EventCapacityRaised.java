package org.convene.core.event;

import java.util.UUID;

/**
 * Published, inside the changing transaction, when an event's capacity was raised or
 * removed: seats may have become free for its waiting list.
 *
 * @param eventId the event
 */
public record EventCapacityRaised(UUID eventId) {
}
