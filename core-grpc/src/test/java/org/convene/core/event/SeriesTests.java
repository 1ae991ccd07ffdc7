package org.convene.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventEdge;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.OUTBOX;

class SeriesTests extends CoreIntegrationTest {

	/** Tuesday 2026-10-13, 18:00 in Berlin (CEST); clocks go back on Sunday 2026-10-25. */
	private static final Instant AUTUMN = Instant.parse("2026-10-13T16:00:00Z");

	/** Tuesday 2030-06-04, 18:00 in Berlin (CEST), far from any daylight-saving change. */
	private static final Instant SUMMER = Instant.parse("2030-06-04T16:00:00Z");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Duration TWO_HOURS = Duration.ofHours(2);

	private static final String WEEKLY_FOUR = "FREQ=WEEKLY;COUNT=4";

	private UUID organizer;

	@BeforeEach
	void createOrganizer() {
		this.organizer = newUser("Series organizer");
	}

	private Event createSeries(Instant start, String rule, Instant... exdates) {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Evening", start, start.plus(TWO_HOURS)).setOrganizerId(this.organizer.toString()))
			.setRecurrence(recurrence(rule, exdates))
			.build());
	}

	private static Recurrence recurrence(String rule, Instant... exdates) {
		Recurrence.Builder recurrence = Recurrence.newBuilder().setRule(rule);
		for (Instant exdate : exdates) {
			recurrence.addExdates(ProtoTime.of(exdate));
		}
		return recurrence.build();
	}

	/** The occurrences of a series, whatever their status, by start time. */
	private List<Event> occurrences(Event series) {
		return this.events
			.listEvents(ListEventsRequest.newBuilder()
				.setFilter(EventFilter.newBuilder().setSeriesId(series.getId()))
				.setPage(PageRequest.newBuilder().setPageSize(100))
				.build())
			.getEdgesList()
			.stream()
			.map(EventEdge::getEvent)
			.toList();
	}

	private Event get(String id) {
		return this.events.getEvent(GetEventRequest.newBuilder().setId(id).build());
	}

	private Event update(Event event, UpdateScope scope, EventDraft.Builder draft, String... paths) {
		return this.events.updateEvent(UpdateEventRequest.newBuilder()
			.setId(event.getId())
			.setEvent(draft)
			.setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
			.setScope(scope)
			.build());
	}

	private Event updateRecurrence(Event series, String rule, Instant... exdates) {
		return this.events.updateRecurrence(
				UpdateRecurrenceRequest.newBuilder().setId(series.getId()).setRecurrence(recurrence(rule, exdates)).build());
	}

	private int storedEventsOfOrganizer() {
		return this.db.fetchCount(EVENT, EVENT.ORGANIZER_ID.eq(this.organizer));
	}

	private List<String> outboxTypes(String eventId) {
		return this.db.select(OUTBOX.EVENT_TYPE)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(eventId)))
			.orderBy(OUTBOX.ID)
			.fetch(OUTBOX.EVENT_TYPE);
	}

	private static List<Instant> starts(List<Event> events) {
		return events.stream().map(event -> ProtoTime.toInstant(event.getStartsAt())).toList();
	}

	private static Instant weeksAfter(Instant start, int weeks) {
		return start.atZone(BERLIN).plusWeeks(weeks).toInstant();
	}

	@Nested
	class Creation {

		@Test
		void createsOneOccurrencePerDateKeepingTheLocalStartTimeAcrossTheEndOfSummerTime() {
			Event series = createSeries(AUTUMN, WEEKLY_FOUR);
			List<Event> occurrences = occurrences(series);

			assertThat(series.getKind()).isEqualTo(EventKind.SERIES);
			assertThat(series.getRecurrence().getRule()).isEqualTo(WEEKLY_FOUR);
			assertThat(starts(occurrences)).containsExactly(Instant.parse("2026-10-13T16:00:00Z"),
					Instant.parse("2026-10-20T16:00:00Z"), Instant.parse("2026-10-27T17:00:00Z"),
					Instant.parse("2026-11-03T17:00:00Z"));
			assertThat(occurrences).allSatisfy(occurrence -> {
				assertThat(occurrence.getKind()).isEqualTo(EventKind.OCCURRENCE);
				assertThat(occurrence.getSeriesId()).isEqualTo(series.getId());
				assertThat(occurrence.getStatus()).isEqualTo(EventStatus.DRAFT);
				assertThat(occurrence.getTitle()).isEqualTo("Evening");
				assertThat(occurrence.getOrganizerId()).isEqualTo(organizer.toString());
				assertThat(occurrence.getOriginalStartsAt()).isEqualTo(occurrence.getStartsAt());
				assertThat(Duration.between(ProtoTime.toInstant(occurrence.getStartsAt()),
						ProtoTime.toInstant(occurrence.getEndsAt()))).isEqualTo(TWO_HOURS);
				ZonedDateTime local = ProtoTime.toInstant(occurrence.getStartsAt()).atZone(BERLIN);
				assertThat(local.getHour()).isEqualTo(18);
			});
		}

		@Test
		void recordsEventCreatedForTheSeriesAndEachOccurrence() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			List<Event> occurrences = occurrences(series);

			assertThat(outboxTypes(series.getId())).containsExactly("event.created");
			assertThat(occurrences).hasSize(4)
				.allSatisfy(occurrence -> assertThat(outboxTypes(occurrence.getId())).containsExactly("event.created"));
		}

		@Test
		void leavesOutTheOccurrencesOfItsExceptionDates() {
			Instant second = weeksAfter(AUTUMN, 1);

			Event series = createSeries(AUTUMN, WEEKLY_FOUR, second);

			assertThat(starts(occurrences(series))).containsExactly(AUTUMN, weeksAfter(AUTUMN, 2), weeksAfter(AUTUMN, 3));
			assertThat(series.getRecurrence().getExdatesList()).containsExactly(ProtoTime.of(second));
		}

		@Test
		void materialisesOnlyTheFirstYearOfARuleWithoutCountOrUntil() {
			Event series = createSeries(SUMMER, "FREQ=MONTHLY");
			List<Instant> starts = starts(occurrences(series));

			Instant oneYearLater = SUMMER.atZone(BERLIN).plusYears(1).toInstant();
			assertThat(starts).hasSize(12).allSatisfy(start -> assertThat(start).isBefore(oneYearLater));
			assertThat(starts.get(11)).isEqualTo(Instant.parse("2031-05-04T16:00:00Z"));
		}

	}

	@Nested
	class Refusals {

		@Test
		void refusesAnExceptionDateThatIsNotTheStartOfAnOccurrence() {
			StatusRuntimeException failure = failureOf(
					() -> createSeries(AUTUMN, WEEKLY_FOUR, weeksAfter(AUTUMN, 1).plusSeconds(3600)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("recurrence.exdates[0]");
			assertThat(storedEventsOfOrganizer()).isZero();
		}

		@Test
		void refusesARuleThatIsNotAnRrule() {
			StatusRuntimeException failure = failureOf(() -> createSeries(SUMMER, "EVERY TUESDAY"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("recurrence.rule");
			assertThat(storedEventsOfOrganizer()).isZero();
		}

		@Test
		void refusesHourlyRepetition() {
			StatusRuntimeException failure = failureOf(() -> createSeries(SUMMER, "FREQ=HOURLY;COUNT=3"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("recurrence.rule");
		}

		@Test
		void refusesACountAboveFiveHundred() {
			StatusRuntimeException failure = failureOf(() -> createSeries(SUMMER, "FREQ=DAILY;COUNT=501"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("recurrence.rule");
		}

		@Test
		void refusesAStartThatIsNotTheFirstDateOfTheRule() {
			StatusRuntimeException failure = failureOf(() -> createSeries(SUMMER, "FREQ=WEEKLY;BYDAY=MO;COUNT=3"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("startsAt");
			assertThat(storedEventsOfOrganizer()).isZero();
		}

	}

	@Nested
	class RecurrenceChanges {

		@Test
		void cancelsTheOccurrenceOfANewExceptionDateAndReinstatesItWhenTheDateIsRemovedAgain() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			Event third = occurrences(series).get(2);

			updateRecurrence(series, WEEKLY_FOUR, weeksAfter(SUMMER, 2));
			Event removed = get(third.getId());
			Event seriesWithExdate = get(series.getId());
			updateRecurrence(series, WEEKLY_FOUR);
			Event reinstated = get(third.getId());

			assertThat(removed.getStatus()).isEqualTo(EventStatus.CANCELLED);
			assertThat(removed.getCancellationReason()).isEqualTo(SeriesCommands.REMOVED_FROM_SERIES);
			assertThat(seriesWithExdate.getRecurrence().getExdatesList()).containsExactly(ProtoTime.of(weeksAfter(SUMMER, 2)));
			assertThat(reinstated.getStatus()).isEqualTo(EventStatus.DRAFT);
			assertThat(reinstated.getCancellationReason()).isEmpty();
			assertThat(reinstated.hasCancelledAt()).isFalse();
			assertThat(occurrences(series)).extracting(Event::getId).hasSize(4).contains(third.getId());
			assertThat(outboxTypes(third.getId())).containsExactly("event.created", "event.cancelled", "event.updated");
		}

		@Test
		void reinstatesARemovedOccurrenceOfAPublishedSeriesAsPublishedWithItsPublicationTime() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			Event third = occurrences(series).get(2);
			updateRecurrence(series, WEEKLY_FOUR, weeksAfter(SUMMER, 2));
			events.publishEvent(PublishEventRequest.newBuilder().setId(series.getId()).build());

			updateRecurrence(series, WEEKLY_FOUR);
			Event reinstated = get(third.getId());

			assertThat(reinstated.getStatus()).isEqualTo(EventStatus.PUBLISHED);
			assertThat(reinstated.hasPublishedAt()).isTrue();
		}

		@Test
		void createsTheOccurrencesALargerCountAdds() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			List<String> before = occurrences(series).stream().map(Event::getId).toList();

			Event updated = updateRecurrence(series, "FREQ=WEEKLY;COUNT=6");
			List<Event> after = occurrences(series);

			assertThat(updated.getRecurrence().getRule()).isEqualTo("FREQ=WEEKLY;COUNT=6");
			assertThat(starts(after)).containsExactly(SUMMER, weeksAfter(SUMMER, 1), weeksAfter(SUMMER, 2),
					weeksAfter(SUMMER, 3), weeksAfter(SUMMER, 4), weeksAfter(SUMMER, 5));
			assertThat(after.subList(0, 4)).extracting(Event::getId).containsExactlyElementsOf(before);
			assertThat(after.subList(4, 6)).allSatisfy(occurrence -> {
				assertThat(occurrence.getStatus()).isEqualTo(EventStatus.DRAFT);
				assertThat(occurrence.getSeriesId()).isEqualTo(series.getId());
			});
		}

	}

	@Nested
	class Updates {

		@Test
		void changesOnlyTheAddressedOccurrenceAndDetachesIt() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			Event second = occurrences(series).get(1);

			Event updated = update(second, UpdateScope.THIS_EVENT, EventDraft.newBuilder().setTitle("Special Evening"),
					"title");

			assertThat(updated.getTitle()).isEqualTo("Special Evening");
			assertThat(updated.getDetached()).isTrue();
			assertThat(occurrences(series)).extracting(Event::getTitle)
				.containsExactly("Evening", "Special Evening", "Evening", "Evening");
			assertThat(occurrences(series)).extracting(Event::getDetached).containsExactly(false, true, false, false);
			assertThat(get(series.getId()).getTitle()).isEqualTo("Evening");
		}

		@Test
		void shiftsAndRenamesAnOccurrenceAndTheLaterOnesButNotTheEarlierOnes() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			List<Event> before = occurrences(series);
			Event second = before.get(1);
			Instant secondStart = ProtoTime.toInstant(second.getStartsAt());

			update(second, UpdateScope.THIS_AND_FOLLOWING,
					EventDraft.newBuilder()
						.setTitle("Later Evening")
						.setStartsAt(ProtoTime.of(secondStart.plusSeconds(3600)))
						.setEndsAt(ProtoTime.of(secondStart.plus(TWO_HOURS).plusSeconds(3600))),
					"title", "starts_at", "ends_at");
			List<Event> after = occurrences(series);

			assertThat(after).extracting(Event::getTitle)
				.containsExactly("Evening", "Later Evening", "Later Evening", "Later Evening");
			assertThat(starts(after)).containsExactly(SUMMER, weeksAfter(SUMMER, 1).plusSeconds(3600),
					weeksAfter(SUMMER, 2).plusSeconds(3600), weeksAfter(SUMMER, 3).plusSeconds(3600));
			assertThat(after).allSatisfy(occurrence -> assertThat(Duration.between(
					ProtoTime.toInstant(occurrence.getStartsAt()), ProtoTime.toInstant(occurrence.getEndsAt())))
				.isEqualTo(TWO_HOURS));
			assertThat(after.get(0)).isEqualTo(before.get(0));
		}

		@Test
		void changesTheSeriesAndItsOccurrencesThatWereNotChangedOnTheirOwn() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			Event third = occurrences(series).get(2);
			update(third, UpdateScope.THIS_EVENT, EventDraft.newBuilder().setTitle("Special Evening"), "title");

			Event updated = update(series, UpdateScope.THIS_AND_FOLLOWING,
					EventDraft.newBuilder().setTitle("Renamed Evening").setCapacity(40), "title", "capacity");

			assertThat(updated.getTitle()).isEqualTo("Renamed Evening");
			assertThat(occurrences(series)).extracting(Event::getTitle)
				.containsExactly("Renamed Evening", "Renamed Evening", "Special Evening", "Renamed Evening");
			assertThat(occurrences(series)).extracting(Event::hasCapacity).containsExactly(true, true, false, true);
		}

		@Test
		void refusesAnUnknownOrganizerForAnOccurrenceAndTheFollowingOnes() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			Event second = occurrences(series).get(1);

			StatusRuntimeException failure = failureOf(() -> update(second, UpdateScope.THIS_AND_FOLLOWING,
					EventDraft.newBuilder().setOrganizerId(UUID.randomUUID().toString()), "organizer_id"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("organizerId");
		}

		@Test
		void refusesToChangeTheStartOfASeriesItself() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			EventDraft.Builder later = EventDraft.newBuilder().setStartsAt(ProtoTime.of(SUMMER.plusSeconds(3600)));

			StatusRuntimeException alone = failureOf(() -> update(series, UpdateScope.THIS_EVENT, later, "starts_at"));
			StatusRuntimeException following = failureOf(
					() -> update(series, UpdateScope.THIS_AND_FOLLOWING, later, "starts_at"));

			assertThat(alone.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(alone).target()).isEqualTo("startsAt");
			assertThat(following.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(following).target()).isEqualTo("startsAt");
			assertThat(get(series.getId())).isEqualTo(series);
		}

		@Test
		void refusesThisAndFollowingOnAStandaloneEvent() {
			Event standalone = events.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Alone", SUMMER, SUMMER.plus(TWO_HOURS)))
				.build());

			StatusRuntimeException failure = failureOf(() -> update(standalone, UpdateScope.THIS_AND_FOLLOWING,
					EventDraft.newBuilder().setTitle("Renamed"), "title"));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("scope");
			assertThat(get(standalone.getId()).getTitle()).isEqualTo("Alone");
		}

	}

	@Nested
	class Lifecycle {

		@Test
		void publishesTheDraftOccurrencesWithTheSeries() {
			Event series = createSeries(SUMMER, WEEKLY_FOUR);
			updateRecurrence(series, WEEKLY_FOUR, weeksAfter(SUMMER, 3));

			Event published = events.publishEvent(PublishEventRequest.newBuilder().setId(series.getId()).build());

			assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
			assertThat(occurrences(series)).extracting(Event::getStatus)
				.containsExactly(EventStatus.PUBLISHED, EventStatus.PUBLISHED, EventStatus.PUBLISHED,
						EventStatus.CANCELLED);
			assertThat(occurrences(series).subList(0, 3)).allSatisfy(occurrence -> {
				assertThat(occurrence.hasPublishedAt()).isTrue();
				assertThat(outboxTypes(occurrence.getId())).containsExactly("event.created", "event.published");
			});
		}

		@Test
		void cancelsTheOccurrencesThatHaveNotEndedWithTheSeries() {
			Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(15, ChronoUnit.DAYS);
			Event series = createSeries(start, WEEKLY_FOUR);

			Event cancelled = events.cancelEvent(
					CancelEventRequest.newBuilder().setId(series.getId()).setReason("Organizer moved away").build());
			List<Event> occurrences = occurrences(series);

			assertThat(cancelled.getStatus()).isEqualTo(EventStatus.CANCELLED);
			assertThat(occurrences).extracting(Event::getStatus)
				.containsExactly(EventStatus.DRAFT, EventStatus.DRAFT, EventStatus.DRAFT, EventStatus.CANCELLED);
			assertThat(occurrences.get(3).getCancellationReason()).isEqualTo("Organizer moved away");
		}

	}

}
