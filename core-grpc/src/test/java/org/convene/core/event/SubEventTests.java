package org.convene.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.BatchListSubEventsRequest;
import org.convene.core.v1.proto.BatchListSubEventsResponse;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.SubEventList;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;

class SubEventTests extends CoreIntegrationTest {

	private static final Instant START = Instant.parse("2031-09-10T08:00:00Z");

	private static final Duration HOUR = Duration.ofHours(1);

	private UUID organizer;

	@BeforeEach
	void createOrganizer() {
		this.organizer = newUser("Festival organizer");
	}

	/** A ten-hour parent event. */
	private Event createParent(String title) {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, START.plus(HOUR.multipliedBy(10))).setOrganizerId(this.organizer.toString()))
			.build());
	}

	/** A one-hour sub-event starting the given number of hours after {@link #START}. */
	private Event createSubEvent(Event parent, String title, int hoursIn) {
		return this.events.createEvent(subEventRequest(parent, title, START.plus(HOUR.multipliedBy(hoursIn))).build());
	}

	private CreateEventRequest.Builder subEventRequest(Event parent, String title, Instant start) {
		return CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, start, start.plus(HOUR)))
			.setParentId(parent.getId());
	}

	/** A weekly series of two three-hour occurrences, the first starting at {@link #START}. */
	private Event createWeeklySeries() {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Weekly", START, START.plus(HOUR.multipliedBy(3))).setOrganizerId(this.organizer.toString()))
			.setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=2"))
			.build());
	}

	private Event firstOccurrence(Event series) {
		return this.events
			.listEvents(ListEventsRequest.newBuilder()
				.setFilter(EventFilter.newBuilder().setSeriesId(series.getId()))
				.setPage(PageRequest.newBuilder().setPageSize(1))
				.build())
			.getEdges(0)
			.getEvent();
	}

	private Event get(String id) {
		return this.events.getEvent(GetEventRequest.newBuilder().setId(id).build());
	}

	private Event publish(Event event) {
		return this.events.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build());
	}

	private Event cancel(Event event, String reason) {
		return this.events.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason(reason).build());
	}

	private Event move(Event event, UpdateScope scope, Duration by) {
		return this.events.updateEvent(UpdateEventRequest.newBuilder()
			.setId(event.getId())
			.setEvent(EventDraft.newBuilder()
				.setStartsAt(ProtoTime.of(ProtoTime.toInstant(event.getStartsAt()).plus(by)))
				.setEndsAt(ProtoTime.of(ProtoTime.toInstant(event.getEndsAt()).plus(by))))
			.setUpdateMask(FieldMask.newBuilder().addPaths("starts_at").addPaths("ends_at"))
			.setScope(scope)
			.build());
	}

	private BatchListSubEventsResponse batchList(int limitPerParent, String... parentIds) {
		return this.events.batchListSubEvents(BatchListSubEventsRequest.newBuilder()
			.addAllParentIds(List.of(parentIds))
			.setLimitPerParent(limitPerParent)
			.build());
	}

	private static Map<String, SubEventList> byParent(BatchListSubEventsResponse response) {
		return response.getListsList().stream().collect(Collectors.toMap(SubEventList::getParentId, Function.identity()));
	}

	private static List<String> titles(SubEventList list) {
		return list.getEventsList().stream().map(Event::getTitle).toList();
	}

	@Nested
	class Creation {

		@Test
		void createsASubEventThatInheritsTheOrganizerOfItsParent() {
			Event festival = createParent("Festival");

			Event opening = createSubEvent(festival, "Opening", 0);

			assertThat(opening.getParentId()).isEqualTo(festival.getId());
			assertThat(opening.getKind()).isEqualTo(EventKind.STANDALONE);
			assertThat(opening.getOrganizerId()).isEqualTo(organizer.toString());
			assertThat(get(opening.getId())).isEqualTo(opening);
		}

		@Test
		void keepsAnOrganizerGivenForTheSubEvent() {
			Event festival = createParent("Festival");
			UUID host = newUser("Stage host");
			CreateEventRequest.Builder request = subEventRequest(festival, "Main stage", START);
			request.getEventBuilder().setOrganizerId(host.toString());

			Event stage = events.createEvent(request.build());

			assertThat(stage.getOrganizerId()).isEqualTo(host.toString());
		}

		@Test
		void acceptsAnOccurrenceAsParent() {
			Event series = createWeeklySeries();
			Event occurrence = firstOccurrence(series);

			Event talk = createSubEvent(occurrence, "Talk", 1);

			assertThat(talk.getParentId()).isEqualTo(occurrence.getId());
		}

	}

	@Nested
	class Refusals {

		@Test
		void refusesASubEventOutsideItsParentsTime() {
			Event festival = createParent("Festival");

			StatusRuntimeException before = failureOf(
					() -> events.createEvent(subEventRequest(festival, "Warm-up", START.minus(HOUR)).build()));
			StatusRuntimeException after = failureOf(() -> createSubEvent(festival, "After-party", 10));

			assertThat(before.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(before).target()).isEqualTo("startsAt");
			assertThat(after.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(after).target()).isEqualTo("startsAt");
		}

		@Test
		void refusesASubEventOfASubEvent() {
			Event festival = createParent("Festival");
			Event stage = createSubEvent(festival, "Stage", 1);

			StatusRuntimeException failure = failureOf(() -> createSubEvent(stage, "Act", 1));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("parentId");
		}

		@Test
		void refusesASeriesAsParent() {
			Event series = createWeeklySeries();

			StatusRuntimeException failure = failureOf(() -> createSubEvent(series, "Talk", 1));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("parentId");
		}

		@Test
		void refusesToMoveAParentAwayFromItsSubEvents() {
			Event festival = createParent("Festival");
			createSubEvent(festival, "Opening", 0);

			StatusRuntimeException failure = failureOf(() -> move(festival, UpdateScope.THIS_EVENT, HOUR));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("startsAt");
			assertThat(get(festival.getId())).isEqualTo(festival);
		}

		@Test
		void refusesToMoveAnOccurrenceAndTheFollowingOnesAwayFromTheSubEventsOfTheOccurrence() {
			Event series = createWeeklySeries();
			Event first = firstOccurrence(series);
			Event talk = createSubEvent(first, "Talk", 0);

			StatusRuntimeException failure = failureOf(() -> move(first, UpdateScope.THIS_AND_FOLLOWING, HOUR));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("startsAt");
			assertThat(get(first.getId())).isEqualTo(first);
			assertThat(get(talk.getId())).isEqualTo(talk);
		}

		@Test
		void refusesToPublishASubEventBeforeItsParent() {
			Event festival = createParent("Festival");
			Event opening = createSubEvent(festival, "Opening", 0);

			StatusRuntimeException failure = failureOf(() -> publish(opening));
			publish(festival);
			Event published = publish(opening);

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("parentId");
			assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
		}

	}

	@Nested
	class Cancellation {

		@Test
		void cancelsTheOpenSubEventsWithTheParent() {
			Event festival = publish(createParent("Festival"));
			Event opening = publish(createSubEvent(festival, "Opening", 0));
			Event workshop = createSubEvent(festival, "Workshop", 2);
			Event closing = createSubEvent(festival, "Closing", 9);
			cancel(closing, "Band unavailable");

			cancel(festival, "Storm warning");

			assertThat(get(opening.getId()).getStatus()).isEqualTo(EventStatus.CANCELLED);
			assertThat(get(opening.getId()).getCancellationReason()).isEqualTo("Storm warning");
			assertThat(get(workshop.getId()).getStatus()).isEqualTo(EventStatus.CANCELLED);
			assertThat(get(workshop.getId()).getCancellationReason()).isEqualTo("Storm warning");
			assertThat(get(closing.getId()).getCancellationReason()).isEqualTo("Band unavailable");
		}

		@Test
		void cancelsTheSubEventsOfTheOccurrencesItsSeriesCancels() {
			Event series = createWeeklySeries();
			Event first = firstOccurrence(series);
			Event talk = createSubEvent(first, "Talk", 1);

			cancel(series, "Course discontinued");

			assertThat(get(first.getId()).getStatus()).isEqualTo(EventStatus.CANCELLED);
			assertThat(get(talk.getId()).getStatus()).isEqualTo(EventStatus.CANCELLED);
		}

	}

	@Nested
	class BatchListing {

		@Test
		void listsTheSubEventsOfEachParentByStartTimeUpToTheLimit() {
			Event festival = createParent("Festival");
			createSubEvent(festival, "Evening", 6);
			createSubEvent(festival, "Morning", 1);
			createSubEvent(festival, "Noon", 3);
			Event fair = createParent("Fair");
			createSubEvent(fair, "Second", 4);
			createSubEvent(fair, "First", 2);
			Event quiet = createParent("Quiet");
			String unknown = UUID.randomUUID().toString();

			BatchListSubEventsResponse response = batchList(2, festival.getId(), fair.getId(), quiet.getId(), unknown);

			Map<String, SubEventList> lists = byParent(response);
			assertThat(response.getListsCount()).isEqualTo(4);
			assertThat(titles(lists.get(festival.getId()))).containsExactly("Morning", "Noon");
			assertThat(lists.get(festival.getId()).getTruncated()).isTrue();
			assertThat(titles(lists.get(fair.getId()))).containsExactly("First", "Second");
			assertThat(lists.get(fair.getId()).getTruncated()).isFalse();
			assertThat(titles(lists.get(quiet.getId()))).isEmpty();
			assertThat(lists.get(quiet.getId()).getTruncated()).isFalse();
			assertThat(titles(lists.get(unknown))).isEmpty();
		}

		@Test
		void listsTwentySubEventsPerParentWhenNoLimitIsGiven() {
			Event festival = createParent("Festival");
			for (int i = 0; i < 21; i++) {
				events.createEvent(subEventRequest(festival, "Slot " + i, START.plus(Duration.ofMinutes(20L * i))).build());
			}

			SubEventList list = batchList(0, festival.getId()).getLists(0);

			assertThat(list.getEventsCount()).isEqualTo(20);
			assertThat(list.getTruncated()).isTrue();
		}

		@Test
		void refusesMoreThanOneHundredParents() {
			String[] ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toArray(String[]::new);

			StatusRuntimeException failure = failureOf(() -> batchList(10, ids));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("parentIds");
		}

	}

}
