/**
 * iCalendar feeds: {@code .ics} files of events, series and personal agendas, served as core
 * renders them with HTTP caching, and the private agenda subscription URLs (REST and GraphQL).
 */
package org.convene.gateway.calendar;
