package org.convene.core.event;

import java.util.UUID;

/**
 * Published, inside the cancelling transaction, for each event cancelled (a sub-event or an
 * occurrence cancelled with its parent or series too): its registrations end with it.
 *
 * @param eventId the event
 * @param reason the reason given for cancelling it
 */
public record EventCancelled(UUID eventId, String reason) {
}
