/**
 * Check-in: admitting ticket holders at the door (single scans, bulk, undo), scans that
 * devices made offline and upload later, and the check-in list of an event. Needs
 * {@code checkin:write} and the event's organizer, or an administrator.
 */
package org.convene.core.checkin;
