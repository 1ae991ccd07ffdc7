/** Attendance at sessions through REST and GraphQL: scans at session doors, counts and attendee lists. */
package org.convene.gateway.attendance;
