/**
 * Attendance at sessions: tickets scanned at a session's door ({@link SessionScans}) and the
 * counts per session; {@link SessionAccess} says who may read and scan a session, for this
 * feature and for feedback.
 */
package org.convene.core.attendance;
