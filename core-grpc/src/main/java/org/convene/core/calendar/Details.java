package org.convene.core.calendar;

import java.time.temporal.Temporal;
import java.util.List;

/**
 * What a calendar app shows of an event or session: compared to tell an occurrence that
 * differs from its series' rule from one that does not.
 *
 * @param start DTSTART, in the event's time zone
 * @param end DTEND
 * @param summary SUMMARY
 * @param description DESCRIPTION; empty for none
 * @param location LOCATION; empty for none
 * @param categories CATEGORIES, in order
 * @param status STATUS: CONFIRMED, TENTATIVE (a draft its organizer sees) or CANCELLED
 */
record Details(Temporal start, Temporal end, String summary, String description, String location,
		List<String> categories, String status) {

	Details {
		categories = List.copyOf(categories);
	}

	Details at(Temporal start, Temporal end) {
		return new Details(start, end, this.summary, this.description, this.location, this.categories, this.status);
	}

}
