/** Feedback on sessions through REST and GraphQL: an attendee's rating, and summaries and comments for organizers and speakers. */
package org.convene.gateway.feedback;
