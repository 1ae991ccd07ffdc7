package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.schema.core.Tables.OUTBOX;

class EventCompletionTests extends CoreIntegrationTest {

	@Autowired
	private EventCompletion completion;

	private Event create(String title, Instant start, Instant end) {
		return this.events.createEvent(CreateEventRequest.newBuilder().setEvent(Drafts.event(title, start, end)).build());
	}

	private Event publish(Event event) {
		return this.events.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build());
	}

	private Event get(Event event) {
		return this.events.getEvent(GetEventRequest.newBuilder().setId(event.getId()).build());
	}

	private List<String> outboxTypes(Event event) {
		return this.db.select(OUTBOX.EVENT_TYPE)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(event.getId())))
			.orderBy(OUTBOX.ID)
			.fetch(OUTBOX.EVENT_TYPE);
	}

	private static Instant hoursFromNow(long hours) {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(hours, ChronoUnit.HOURS);
	}

	@Test
	void completesAPublishedEventThatHasEndedAndRecordsTheUpdate() {
		Event published = publish(create("Yesterday's talk", hoursFromNow(-26), hoursFromNow(-24)));

		this.completion.completeEndedEvents();

		Event completed = get(published);
		assertThat(completed.getStatus()).isEqualTo(EventStatus.COMPLETED);
		assertThat(completed.getVersion()).isEqualTo(published.getVersion() + 1);
		assertThat(outboxTypes(published)).containsExactly("event.created", "event.published", "event.updated");
	}

	@Test
	void leavesDraftsAndEventsThatHaveNotEndedAlone() {
		Event pastDraft = create("Never published", hoursFromNow(-26), hoursFromNow(-24));
		Event running = publish(create("Running now", hoursFromNow(-1), hoursFromNow(1)));
		Event upcoming = publish(create("Next week", hoursFromNow(24 * 7), hoursFromNow(24 * 7 + 2)));

		this.completion.completeEndedEvents();

		assertThat(get(pastDraft)).isEqualTo(pastDraft);
		assertThat(get(running)).isEqualTo(running);
		assertThat(get(upcoming)).isEqualTo(upcoming);
		assertThat(outboxTypes(upcoming)).doesNotContain("event.updated");
	}

	@Test
	void completesAnEndedOccurrenceButKeepsItsSeriesOpenWhileLaterOccurrencesAreAhead() {
		Instant start = hoursFromNow(-50);
		Event series = this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Weekly course", start, start.plus(2, ChronoUnit.HOURS)))
			.setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=3"))
			.build());
		publish(series);

		this.completion.completeEndedEvents();

		List<EventStatus> occurrences = this.events
			.listEvents(ListEventsRequest.newBuilder()
				.setFilter(EventFilter.newBuilder().setSeriesId(series.getId()))
				.setPage(PageRequest.newBuilder().setPageSize(10))
				.build())
			.getEdgesList()
			.stream()
			.map(edge -> edge.getEvent().getStatus())
			.toList();
		assertThat(occurrences).containsExactly(EventStatus.COMPLETED, EventStatus.PUBLISHED, EventStatus.PUBLISHED);
		assertThat(get(series).getStatus()).isEqualTo(EventStatus.PUBLISHED);
	}

}
