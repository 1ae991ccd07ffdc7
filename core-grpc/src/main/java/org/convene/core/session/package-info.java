/**
 * Sessions of events and their speakers: the schedule. The database keeps its rules (rooms
 * and speakers in one place at a time, sessions within their event); {@link ScheduleConflicts}
 * turns a refusal into an error that names the other session.
 */
package org.convene.core.session;
