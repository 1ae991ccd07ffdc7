package org.convene.core.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageInfo;
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
import org.convene.core.v1.proto.EventOrder;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListEventsResponse;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.core.support.Failures.failureOf;

class EventListingTests extends CoreIntegrationTest {

	private static final Instant START = Instant.parse("2031-03-03T09:00:00Z");

	private static final Duration TWO_HOURS = Duration.ofHours(2);

	private static final EventOrder BY_START = order(EventOrder.Field.START_TIME, false);

	private UUID organizer;

	@BeforeEach
	void createOrganizer() {
		this.organizer = newUser("Listing organizer");
	}

	private EventDraft.Builder draft(String title, Instant start) {
		return Drafts.event(title, start, start.plus(TWO_HOURS)).setOrganizerId(this.organizer.toString());
	}

	private EventDraft.Builder draft(String title) {
		return draft(title, START);
	}

	private Event create(EventDraft.Builder draft) {
		return this.events.createEvent(CreateEventRequest.newBuilder().setEvent(draft).build());
	}

	private Event createSubEvent(Event parent, String title) {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START.plusSeconds(1800), START.plusSeconds(3600)))
			.setParentId(parent.getId())
			.build());
	}

	private Event createSeries(String title, String rule) {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(draft(title))
			.setRecurrence(Recurrence.newBuilder().setRule(rule))
			.build());
	}

	/** Seven events, some sharing a start time and some a title, so ties are broken by id. */
	private void createSevenEvents() {
		create(draft("Alpha", START));
		create(draft("Bravo", START));
		create(draft("Alpha", START.plusSeconds(3600)));
		create(draft("Charlie", START.plusSeconds(7200)));
		create(draft("Delta", START.plusSeconds(7200)));
		create(draft("Delta", START.plusSeconds(10800)));
		create(draft("Echo", START.plusSeconds(14400)));
	}

	private EventFilter.Builder filter() {
		return EventFilter.newBuilder().setOrganizerId(this.organizer.toString());
	}

	private ListEventsResponse list(EventFilter.Builder filter) {
		return list(filter, BY_START, PageRequest.newBuilder().setPageSize(100));
	}

	private ListEventsResponse list(EventFilter.Builder filter, EventOrder order, PageRequest.Builder page) {
		return this.events.listEvents(ListEventsRequest.newBuilder().setFilter(filter).setOrder(order).setPage(page).build());
	}

	private ListEventsResponse page(EventOrder order, PageRequest.Builder page) {
		return list(filter(), order, page);
	}

	private ListEventsResponse page(PageRequest.Builder page) {
		return page(BY_START, page);
	}

	private static PageRequest.Builder size(int size) {
		return PageRequest.newBuilder().setPageSize(size);
	}

	private static EventOrder order(EventOrder.Field field, boolean descending) {
		return EventOrder.newBuilder().setField(field).setDescending(descending).build();
	}

	private static List<String> ids(ListEventsResponse response) {
		return response.getEdgesList().stream().map(edge -> edge.getEvent().getId()).toList();
	}

	private static List<String> titles(ListEventsResponse response) {
		return response.getEdgesList().stream().map(edge -> edge.getEvent().getTitle()).toList();
	}

	private static List<String> cursors(ListEventsResponse response) {
		return response.getEdgesList().stream().map(EventEdge::getCursor).toList();
	}

	private static List<String> idsSorted(Event... events) {
		return Stream.of(events).map(Event::getId).sorted().toList();
	}

	private static <T> List<T> reversed(List<T> list) {
		List<T> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

	@Nested
	class Filters {

		@Test
		void keepsOnlyEventsInTheGivenStatuses() {
			create(draft("Draft"));
			Event published = create(draft("Published"));
			events.publishEvent(PublishEventRequest.newBuilder().setId(published.getId()).build());
			Event cancelled = create(draft("Cancelled"));
			events.cancelEvent(CancelEventRequest.newBuilder().setId(cancelled.getId()).setReason("Rain").build());

			ListEventsResponse listed = list(filter().addStatuses(EventStatus.PUBLISHED).addStatuses(EventStatus.CANCELLED));

			assertThat(titles(listed)).containsExactlyInAnyOrder("Published", "Cancelled");
		}

		@Test
		void keepsEventsEndingAfterFromAndStartingBeforeTo() {
			Instant from = START;
			Instant to = START.plus(Duration.ofHours(4));
			create(draft("Ends at from", from.minus(TWO_HOURS)).setEndsAt(ProtoTime.of(from)));
			create(draft("Runs into the window", from.minusSeconds(3600)));
			create(draft("Inside the window", from.plusSeconds(3600)).setEndsAt(ProtoTime.of(from.plusSeconds(7200))));
			create(draft("Spans the window", from.minusSeconds(3600)).setEndsAt(ProtoTime.of(to.plusSeconds(3600))));
			create(draft("Starts just before to", to.minusSeconds(1)));
			create(draft("Starts at to", to));

			ListEventsResponse window = list(filter().setFrom(ProtoTime.of(from)).setTo(ProtoTime.of(to)));
			ListEventsResponse fromOnly = list(filter().setFrom(ProtoTime.of(from)));
			ListEventsResponse toOnly = list(filter().setTo(ProtoTime.of(to)));

			assertThat(titles(window)).containsExactlyInAnyOrder("Runs into the window", "Inside the window",
					"Spans the window", "Starts just before to");
			assertThat(titles(fromOnly)).containsExactlyInAnyOrder("Runs into the window", "Inside the window",
					"Spans the window", "Starts just before to", "Starts at to");
			assertThat(titles(toOnly)).containsExactlyInAnyOrder("Ends at from", "Runs into the window",
					"Inside the window", "Spans the window", "Starts just before to");
		}

		@Test
		void keepsOnlyTheEventsOfTheGivenOrganizer() {
			String tag = UUID.randomUUID().toString();
			UUID someoneElse = newUser("Someone else");
			create(draft("Mine").addTags(tag));
			create(draft("Theirs").addTags(tag).setOrganizerId(someoneElse.toString()));

			ListEventsResponse mine = list(filter().addTags(tag));
			ListEventsResponse everyones = list(EventFilter.newBuilder().addTags(tag));

			assertThat(titles(mine)).containsExactly("Mine");
			assertThat(titles(everyones)).containsExactlyInAnyOrder("Mine", "Theirs");
		}

		@Test
		void keepsEventsCarryingEveryGivenTagWhateverItsCase() {
			create(draft("Java conference").addTags("java").addTags("conference"));
			create(draft("Java meetup").addTags("java"));
			create(draft("Kotlin conference").addTags("kotlin").addTags("conference"));

			ListEventsResponse javaConferences = list(filter().addTags("Java").addTags("conference"));
			ListEventsResponse java = list(filter().addTags("java"));

			assertThat(titles(javaConferences)).containsExactly("Java conference");
			assertThat(titles(java)).containsExactlyInAnyOrder("Java conference", "Java meetup");
		}

		@Test
		void findsStemmedWordsInTitleAndDescription() {
			create(draft("Spring Conference"));
			create(draft("Evening").setDescription("Talks about compilers and linkers"));
			create(draft("Kotlin Meetup"));

			ListEventsResponse conferences = list(filter().setQuery("conferences"));
			ListEventsResponse compiler = list(filter().setQuery("compiler"));

			assertThat(titles(conferences)).containsExactly("Spring Conference");
			assertThat(titles(compiler)).containsExactly("Evening");
		}

		@Test
		void understandsPhrasesNegationAndOrInTheQuery() {
			create(draft("Kotlin Meetup Night").setDescription("Bring a friend"));
			create(draft("Meetup about Kotlin").setDescription("Bring a friend"));
			create(draft("Java Meetup").setDescription("Bring a friend"));

			ListEventsResponse phrase = list(filter().setQuery("\"kotlin meetup\""));
			ListEventsResponse negation = list(filter().setQuery("meetup -java"));
			ListEventsResponse either = list(filter().setQuery("night or java"));

			assertThat(titles(phrase)).containsExactly("Kotlin Meetup Night");
			assertThat(titles(negation)).containsExactlyInAnyOrder("Kotlin Meetup Night", "Meetup about Kotlin");
			assertThat(titles(either)).containsExactlyInAnyOrder("Kotlin Meetup Night", "Java Meetup");
		}

		@Test
		void keepsTheSubEventsOfTheGivenParent() {
			Event festival = create(Drafts.event("Festival", START, START.plus(Duration.ofHours(10)))
				.setOrganizerId(organizer.toString()));
			Event fair = create(Drafts.event("Fair", START, START.plus(Duration.ofHours(10)))
				.setOrganizerId(organizer.toString()));
			createSubEvent(festival, "Opening");
			createSubEvent(festival, "Closing");
			createSubEvent(fair, "Elsewhere");

			ListEventsResponse listed = list(filter().setParentId(festival.getId()));

			assertThat(titles(listed)).containsExactlyInAnyOrder("Opening", "Closing");
		}

		@Test
		void keepsTheOccurrencesOfTheGivenSeries() {
			Event weekly = createSeries("Weekly", "FREQ=WEEKLY;COUNT=3");
			createSeries("Daily", "FREQ=DAILY;COUNT=2");

			ListEventsResponse listed = list(filter().setSeriesId(weekly.getId()));

			assertThat(listed.getEdgesList()).extracting(edge -> edge.getEvent().getSeriesId())
				.containsExactly(weekly.getId(), weekly.getId(), weekly.getId());
			assertThat(listed.getEdgesList()).extracting(edge -> edge.getEvent().getKind()).containsOnly(EventKind.OCCURRENCE);
		}

		@Test
		void leavesSeriesOutUnlessTheirKindIsAskedFor() {
			create(draft("Standalone"));
			Event series = createSeries("Weekly", "FREQ=WEEKLY;COUNT=2");

			ListEventsResponse byDefault = list(filter());
			ListEventsResponse seriesOnly = list(filter().addKinds(EventKind.SERIES));

			assertThat(byDefault.getEdgesList()).extracting(edge -> edge.getEvent().getKind())
				.containsExactlyInAnyOrder(EventKind.STANDALONE, EventKind.OCCURRENCE, EventKind.OCCURRENCE);
			assertThat(ids(seriesOnly)).containsExactly(series.getId());
		}

		@Test
		void leavesSubEventsOutWhenAskedForTopLevelEventsOnly() {
			Event festival = create(Drafts.event("Festival", START, START.plus(Duration.ofHours(10)))
				.setOrganizerId(organizer.toString()));
			createSubEvent(festival, "Opening");

			ListEventsResponse topLevel = list(filter().setTopLevelOnly(true));
			ListEventsResponse everything = list(filter());

			assertThat(titles(topLevel)).containsExactly("Festival");
			assertThat(titles(everything)).containsExactlyInAnyOrder("Festival", "Opening");
		}

		@Test
		void keepsOnlyEventsWithTheGivenVisibilities() {
			create(draft("Public").setVisibility(Visibility.PUBLIC));
			create(draft("Unlisted").setVisibility(Visibility.UNLISTED));
			create(draft("Private").setVisibility(Visibility.PRIVATE));

			ListEventsResponse listed = list(filter().addVisibilities(Visibility.UNLISTED).addVisibilities(Visibility.PRIVATE));

			assertThat(titles(listed)).containsExactlyInAnyOrder("Unlisted", "Private");
		}

	}

	@Nested
	class Ordering {

		@Test
		void sortsByStartTimeWithTheIdBreakingTies() {
			Event late = create(draft("Late", START.plusSeconds(7200)));
			Event tiedA = create(draft("Tied", START));
			Event middle = create(draft("Middle", START.plusSeconds(3600)));
			Event tiedB = create(draft("Tied", START));
			List<String> expected = new ArrayList<>(idsSorted(tiedA, tiedB));
			expected.add(middle.getId());
			expected.add(late.getId());

			List<String> ascending = ids(page(BY_START, size(100)));
			List<String> descending = ids(page(order(EventOrder.Field.START_TIME, true), size(100)));
			List<String> unspecified = ids(page(EventOrder.getDefaultInstance(), size(100)));

			assertThat(ascending).containsExactlyElementsOf(expected);
			assertThat(descending).containsExactlyElementsOf(reversed(expected));
			assertThat(unspecified).containsExactlyElementsOf(expected);
		}

		@Test
		void sortsByTitleWithTheIdBreakingTies() {
			Event charlie = create(draft("Charlie"));
			Event alphaA = create(draft("Alpha"));
			Event bravo = create(draft("Bravo"));
			Event alphaB = create(draft("Alpha"));
			List<String> expected = new ArrayList<>(idsSorted(alphaA, alphaB));
			expected.add(bravo.getId());
			expected.add(charlie.getId());

			List<String> ascending = ids(page(order(EventOrder.Field.TITLE, false), size(100)));
			List<String> descending = ids(page(order(EventOrder.Field.TITLE, true), size(100)));

			assertThat(ascending).containsExactlyElementsOf(expected);
			assertThat(descending).containsExactlyElementsOf(reversed(expected));
		}

		@Test
		void sortsByCreationTime() {
			Event first = create(draft("First", START.plusSeconds(7200)));
			Event second = create(draft("Second", START));
			Event third = create(draft("Third", START.plusSeconds(3600)));

			List<String> ascending = ids(page(order(EventOrder.Field.CREATED_AT, false), size(100)));
			List<String> descending = ids(page(order(EventOrder.Field.CREATED_AT, true), size(100)));

			assertThat(ascending).containsExactly(first.getId(), second.getId(), third.getId());
			assertThat(descending).containsExactly(third.getId(), second.getId(), first.getId());
		}

	}

	@Nested
	class Pagination {

		static Stream<Arguments> orders() {
			return Stream.of(EventOrder.Field.START_TIME, EventOrder.Field.TITLE, EventOrder.Field.CREATED_AT)
				.flatMap(field -> Stream.of(false, true)
					.map(descending -> Arguments.of(Named.of(field + (descending ? " descending" : " ascending"),
							order(field, descending)))));
		}

		@Test
		void pagesByOffsetReportingTheOffsetAndWhetherPagesSurroundIt() {
			createSevenEvents();
			List<String> all = ids(page(size(100)));

			ListEventsResponse first = page(size(3));
			ListEventsResponse middle = page(size(3).setOffset(3));
			ListEventsResponse last = page(size(3).setOffset(6));
			ListEventsResponse beyond = page(size(3).setOffset(10));

			assertThat(ids(first)).isEqualTo(all.subList(0, 3));
			assertThat(ids(middle)).isEqualTo(all.subList(3, 6));
			assertThat(ids(last)).isEqualTo(all.subList(6, 7));
			assertThat(ids(beyond)).isEmpty();
			assertThat(List.of(first, middle, last, beyond)).extracting(ListEventsResponse::getPageInfo)
				.extracting(PageInfo::getOffset, PageInfo::getHasPreviousPage, PageInfo::getHasNextPage)
				.containsExactly(tuple(0L, false, true),
						tuple(3L, true, true),
						tuple(6L, true, false),
						tuple(10L, true, false));
		}

		@ParameterizedTest
		@MethodSource("orders")
		void walksForwardWithAfterThroughEveryEventOnce(EventOrder order) {
			createSevenEvents();
			List<String> all = ids(page(order, size(100)));

			List<ListEventsResponse> pages = new ArrayList<>();
			ListEventsResponse current = page(order, size(2));
			pages.add(current);
			while (current.getPageInfo().getHasNextPage() && pages.size() < 10) {
				current = page(order, size(2).setAfter(current.getPageInfo().getEndCursor()));
				pages.add(current);
			}

			assertThat(pages.stream().flatMap(page -> ids(page).stream()).toList()).containsExactlyElementsOf(all)
				.hasSize(7);
			assertThat(pages).extracting(ListEventsResponse::getEdgesCount).containsExactly(2, 2, 2, 1);
			assertThat(pages.subList(1, 4)).extracting(ListEventsResponse::getPageInfo)
				.allSatisfy(info -> {
					assertThat(info.getHasPreviousPage()).isTrue();
					assertThat(info.getOffset()).isEqualTo(-1);
				});
			assertThat(current.getPageInfo().getNextPageToken()).isEmpty();
		}

		@Test
		void pagesBackwardWithBeforeReturningTheEventsJustBeforeInListOrder() {
			createSevenEvents();
			ListEventsResponse everything = page(size(100));
			List<String> all = ids(everything);
			List<String> cursors = cursors(everything);

			ListEventsResponse middle = page(size(3).setBefore(cursors.get(5)));
			ListEventsResponse start = page(size(3).setBefore(cursors.get(2)));

			assertThat(ids(middle)).isEqualTo(all.subList(2, 5));
			assertThat(middle.getPageInfo().getHasPreviousPage()).isTrue();
			assertThat(middle.getPageInfo().getHasNextPage()).isTrue();
			assertThat(middle.getPageInfo().getOffset()).isEqualTo(-1);
			assertThat(ids(start)).isEqualTo(all.subList(0, 2));
			assertThat(start.getPageInfo().getHasPreviousPage()).isFalse();
			assertThat(start.getPageInfo().getHasNextPage()).isTrue();
			assertThat(start.getPageInfo().getPreviousPageToken()).isEmpty();
		}

		@Test
		void walksBackwardWithBeforeFromTheLastEventToTheFirstInADescendingOrder() {
			createSevenEvents();
			EventOrder byTitleDescending = order(EventOrder.Field.TITLE, true);
			ListEventsResponse everything = page(byTitleDescending, size(100));
			List<String> all = ids(everything);

			List<String> walked = new ArrayList<>();
			ListEventsResponse current = page(byTitleDescending, size(2).setBefore(cursors(everything).get(6)));
			walked.addAll(0, ids(current));
			for (int pages = 1; current.getPageInfo().getHasPreviousPage() && pages < 10; pages++) {
				current = page(byTitleDescending, size(2).setBefore(current.getPageInfo().getStartCursor()));
				walked.addAll(0, ids(current));
			}

			assertThat(walked).containsExactlyElementsOf(all.subList(0, 6));
		}

		@Test
		void followsNextAndPreviousPageTokensBackAndForth() {
			createSevenEvents();
			List<String> all = ids(page(size(100)));

			ListEventsResponse first = page(size(3));
			ListEventsResponse second = page(size(3).setPageToken(first.getPageInfo().getNextPageToken()));
			ListEventsResponse third = page(size(3).setPageToken(second.getPageInfo().getNextPageToken()));
			ListEventsResponse backToSecond = page(size(3).setPageToken(third.getPageInfo().getPreviousPageToken()));
			ListEventsResponse backToFirst = page(size(3).setPageToken(backToSecond.getPageInfo().getPreviousPageToken()));

			assertThat(ids(first)).isEqualTo(all.subList(0, 3));
			assertThat(first.getPageInfo().getPreviousPageToken()).isEmpty();
			assertThat(ids(second)).isEqualTo(all.subList(3, 6));
			assertThat(ids(third)).isEqualTo(all.subList(6, 7));
			assertThat(third.getPageInfo().getNextPageToken()).isEmpty();
			assertThat(ids(backToSecond)).isEqualTo(all.subList(3, 6));
			assertThat(ids(backToFirst)).isEqualTo(all.subList(0, 3));
			assertThat(backToFirst.getPageInfo().getPreviousPageToken()).isEmpty();
		}

		@Test
		void continuesAnOffsetPageWithItsPageTokens() {
			createSevenEvents();
			List<String> all = ids(page(size(100)));
			ListEventsResponse atOffset = page(size(2).setOffset(2));

			ListEventsResponse next = page(size(2).setPageToken(atOffset.getPageInfo().getNextPageToken()));
			ListEventsResponse previous = page(size(2).setPageToken(atOffset.getPageInfo().getPreviousPageToken()));

			assertThat(ids(atOffset)).isEqualTo(all.subList(2, 4));
			assertThat(ids(next)).isEqualTo(all.subList(4, 6));
			assertThat(ids(previous)).isEqualTo(all.subList(0, 2));
		}

		@Test
		void countsEveryMatchOnlyWhenAskedTo() {
			createSevenEvents();

			ListEventsResponse counted = page(size(2).setIncludeTotalSize(true));
			ListEventsResponse countedAfter = page(
					size(2).setIncludeTotalSize(true).setAfter(counted.getPageInfo().getEndCursor()));
			ListEventsResponse uncounted = page(size(2));

			assertThat(counted.getPageInfo().getTotalSize()).isEqualTo(7);
			assertThat(countedAfter.getPageInfo().getTotalSize()).isEqualTo(7);
			assertThat(uncounted.getPageInfo().getTotalSize()).isEqualTo(-1);
		}

		@Test
		void returnsTwentyEventsWhenNoPageSizeIsGiven() {
			for (int i = 0; i < 21; i++) {
				create(draft("Event " + i, START.plusSeconds(60L * i)));
			}

			ListEventsResponse page = page(PageRequest.newBuilder());

			assertThat(page.getEdgesCount()).isEqualTo(20);
			assertThat(page.getPageInfo().getHasNextPage()).isTrue();
		}

		@Test
		void describesTheFirstAndLastEventOfAPageByTheirCursors() {
			createSevenEvents();

			ListEventsResponse page = page(size(3));

			assertThat(page.getPageInfo().getStartCursor()).isEqualTo(page.getEdges(0).getCursor());
			assertThat(page.getPageInfo().getEndCursor()).isEqualTo(page.getEdges(2).getCursor());
		}

	}

	@Nested
	class Refusals {

		@Test
		void refusesMoreThanOneHundredEventsPerPage() {
			StatusRuntimeException failure = failureOf(() -> page(size(101)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("pageSize");
		}

		@Test
		void refusesANegativeOffset() {
			StatusRuntimeException failure = failureOf(() -> page(size(10).setOffset(-1)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("offset");
		}

		@Test
		void refusesACursorIssuedForAnotherSortOrder() {
			create(draft("Only"));
			String cursor = page(BY_START, size(10)).getEdges(0).getCursor();

			StatusRuntimeException byTitle = failureOf(
					() -> page(order(EventOrder.Field.TITLE, false), size(10).setAfter(cursor)));
			StatusRuntimeException descending = failureOf(
					() -> page(order(EventOrder.Field.START_TIME, true), size(10).setAfter(cursor)));

			assertThat(byTitle.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(byTitle).target()).isEqualTo("after");
			assertThat(descending.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(descending).target()).isEqualTo("after");
		}

		@Test
		void refusesCursorsItDidNotIssue() {
			StatusRuntimeException after = failureOf(() -> page(size(10).setAfter("not-a-cursor")));
			StatusRuntimeException before = failureOf(() -> page(size(10).setBefore("%%%")));

			assertThat(after.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(after).target()).isEqualTo("after");
			assertThat(before.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(before).target()).isEqualTo("before");
		}

		@Test
		void refusesACursorWithAnUnreadableSortKeyNamingTheParameterItCameIn() {
			String forged = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("c1|START_TIME:asc|" + UUID.randomUUID() + "|yesterday").getBytes(StandardCharsets.UTF_8));

			StatusRuntimeException failure = failureOf(() -> page(size(10).setAfter(forged)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("after");
		}

		@Test
		void refusesAnOffsetTogetherWithACursor() {
			create(draft("Only"));
			String cursor = page(size(10)).getEdges(0).getCursor();

			StatusRuntimeException failure = failureOf(() -> page(size(10).setOffset(1).setAfter(cursor)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		}

		@Test
		void refusesAWindowThatDoesNotEndAfterItStarts() {
			StatusRuntimeException empty = failureOf(
					() -> list(filter().setFrom(ProtoTime.of(START)).setTo(ProtoTime.of(START))));
			StatusRuntimeException reversed = failureOf(
					() -> list(filter().setFrom(ProtoTime.of(START)).setTo(ProtoTime.of(START.minusSeconds(1)))));

			assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(empty).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ApiError.fromThrowable(empty).target()).isEqualTo("to");
			assertThat(ApiError.fromThrowable(reversed).target()).isEqualTo("to");
		}

	}

}
