/**
 * Registrations: attendees taking seats of an event's ticket types, the waiting list, payment
 * holds and their expiry, the attendee list and its CSV export.
 *
 * <p>Seats are taken on one path ({@link org.convene.core.registration.RegistrationBatcher}):
 * concurrent requests for the same event are coalesced into one database transaction that
 * locks the event's seat counters once, so a ticket rush does not queue up on one row lock.
 */
package org.convene.core.registration;
