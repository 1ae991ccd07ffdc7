package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.BatchGetEventStatisticsRequest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.grpc.ApiError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.REGISTRATION;

class EventStatisticsTests extends CoreIntegrationTest {

	private static final Instant START = Instant.parse("2031-11-20T17:00:00Z");

	private Event create(EventDraft.Builder draft) {
		return this.events.createEvent(CreateEventRequest.newBuilder().setEvent(draft).build());
	}

	private Event createWithCapacity(int capacity) {
		return create(Drafts.event("Concert", START, START.plus(3, ChronoUnit.HOURS)).setCapacity(capacity));
	}

	private Event createSubEvent(Event parent, String title) {
		return this.events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, START.plus(1, ChronoUnit.HOURS)))
			.setParentId(parent.getId())
			.build());
	}

	private void register(Event event, String status, int times) {
		for (int i = 0; i < times; i++) {
			this.db.insertInto(REGISTRATION)
				.set(REGISTRATION.ID, UUID.randomUUID())
				.set(REGISTRATION.EVENT_ID, UUID.fromString(event.getId()))
				.set(REGISTRATION.STATUS, status)
				.execute();
		}
	}

	private EventStatistics statistics(Event event) {
		return this.events.getEventStatistics(GetEventStatisticsRequest.newBuilder().setEventId(event.getId()).build());
	}

	@Test
	void countsNothingForANewEventAndLeavesItsWholeCapacity() {
		Event event = createWithCapacity(50);

		EventStatistics statistics = statistics(event);

		assertThat(statistics).isEqualTo(EventStatistics.newBuilder()
			.setEventId(event.getId())
			.setCapacity(50)
			.setCapacityRemaining(50)
			.build());
	}

	@Test
	void countsRegistrationsPerStatusAndTheSeatsTheyTake() {
		Event event = createWithCapacity(10);
		register(event, "PENDING_PAYMENT", 1);
		register(event, "CONFIRMED", 2);
		register(event, "WAITLISTED", 3);
		register(event, "CANCELLED", 4);
		register(event, "CHECKED_IN", 5);

		EventStatistics statistics = statistics(event);

		assertThat(statistics.getPendingPayment()).isEqualTo(1);
		assertThat(statistics.getConfirmed()).isEqualTo(2);
		assertThat(statistics.getWaitlisted()).isEqualTo(3);
		assertThat(statistics.getCancelled()).isEqualTo(4);
		assertThat(statistics.getCheckedIn()).isEqualTo(5);
		assertThat(statistics.getSeatsTaken()).isEqualTo(8);
		assertThat(statistics.getCapacity()).isEqualTo(10);
		assertThat(statistics.getCapacityRemaining()).isEqualTo(2);
	}

	@Test
	void neverReportsLessThanNoCapacityRemaining() {
		Event event = createWithCapacity(2);
		register(event, "CONFIRMED", 3);

		EventStatistics statistics = statistics(event);

		assertThat(statistics.getSeatsTaken()).isEqualTo(3);
		assertThat(statistics.hasCapacityRemaining()).isTrue();
		assertThat(statistics.getCapacityRemaining()).isZero();
	}

	@Test
	void leavesCapacityAndRemainingUnsetForUnlimitedEvents() {
		Event event = create(Drafts.event("Open air", START, START.plus(3, ChronoUnit.HOURS)));
		register(event, "CONFIRMED", 7);

		EventStatistics statistics = statistics(event);

		assertThat(statistics.getSeatsTaken()).isEqualTo(7);
		assertThat(statistics.hasCapacity()).isFalse();
		assertThat(statistics.hasCapacityRemaining()).isFalse();
	}

	@Test
	void returnsTheStatisticsOfSeveralEventsInOneCallLeavingOutUnknownOnes() {
		Event small = createWithCapacity(5);
		Event large = createWithCapacity(500);
		Event unlimited = create(Drafts.event("Open air", START, START.plus(3, ChronoUnit.HOURS)));
		register(small, "CONFIRMED", 5);
		register(large, "CHECKED_IN", 2);
		register(large, "WAITLISTED", 1);

		Map<String, EventStatistics> statistics = this.events
			.batchGetEventStatistics(BatchGetEventStatisticsRequest.newBuilder()
				.addEventIds(small.getId())
				.addEventIds(large.getId())
				.addEventIds(unlimited.getId())
				.addEventIds(UUID.randomUUID().toString())
				.build())
			.getStatisticsList()
			.stream()
			.collect(Collectors.toMap(EventStatistics::getEventId, Function.identity()));

		assertThat(statistics).containsOnlyKeys(small.getId(), large.getId(), unlimited.getId());
		assertThat(statistics.get(small.getId())).isEqualTo(statistics(small));
		assertThat(statistics.get(small.getId()).getCapacityRemaining()).isZero();
		assertThat(statistics.get(large.getId())).isEqualTo(statistics(large));
		assertThat(statistics.get(large.getId()).getSeatsTaken()).isEqualTo(2);
		assertThat(statistics.get(large.getId()).getWaitlisted()).isEqualTo(1);
		assertThat(statistics.get(unlimited.getId()).getSeatsTaken()).isZero();
	}

	@Test
	void countsTheSubEventsThatAreNotCancelled() {
		Event festival = createWithCapacity(1000);
		createSubEvent(festival, "Opening");
		createSubEvent(festival, "Workshop");
		Event closing = createSubEvent(festival, "Closing");
		this.events.cancelEvent(CancelEventRequest.newBuilder().setId(closing.getId()).setReason("Band unavailable").build());

		EventStatistics statistics = statistics(festival);

		assertThat(statistics.getSubEventCount()).isEqualTo(2);
	}

	@Test
	void answersNotFoundForAnUnknownEvent() {
		StatusRuntimeException failure = failureOf(() -> this.events.getEventStatistics(
				GetEventStatisticsRequest.newBuilder().setEventId(UUID.randomUUID().toString()).build()));

		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
		assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("eventId");
	}

}
