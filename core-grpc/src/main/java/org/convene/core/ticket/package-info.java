/**
 * Tickets: the Ed25519-signed codes of confirmed registrations that scanning devices verify
 * offline, the keys they are signed with (persisted, one active), PDF tickets with a QR code,
 * what a code is worth at the door, and the revocation list of an event.
 */
package org.convene.core.ticket;
