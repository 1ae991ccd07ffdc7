/**
 * iCalendar (RFC 5545) feeds: an event with its sessions, a series with its recurrence, and a
 * user's personal agenda behind a private, revocable subscription URL. Rendered here with
 * ical4j, so the rules of who sees what stay with the data; the gateway only serves the bytes.
 */
package org.convene.core.calendar;
