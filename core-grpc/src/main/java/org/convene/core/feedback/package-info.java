/**
 * Feedback on sessions: attendees rate a session they attended, once and editable
 * ({@link FeedbackCommands}); organizers and speakers read summaries and comments
 * ({@link FeedbackQueries}).
 */
package org.convene.core.feedback;
