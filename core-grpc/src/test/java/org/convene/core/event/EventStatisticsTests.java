package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.BatchGetEventStatisticsRequest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.core.v1.proto.MoneyTotal;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.TicketTypeStatistics;
import org.convene.grpc.ApiError;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchItemResult;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.TicketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.REGISTRATION;

class EventStatisticsTests extends RegistrationIntegrationTest {

	private Event create(EventDraft.Builder draft) {
		return this.organizerEvents.createEvent(CreateEventRequest.newBuilder().setEvent(draft).build());
	}

	/** A published event of the organizer, so attendees can register. */
	private Event createWithCapacity(int capacity) {
		return publishedEvent(capacity);
	}

	private Event createSubEvent(Event parent, String title) {
		return this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, START.plus(1, ChronoUnit.HOURS)))
			.setParentId(parent.getId())
			.build());
	}

	/** Registers guests for a ticket type of the event; returns the registrations. */
	private List<Registration> register(TicketType type, int times, boolean joinWaitlist) {
		BatchCreateRegistrationsRequest.Builder batch = BatchCreateRegistrationsRequest.newBuilder();
		for (int i = 0; i < times; i++) {
			batch.addItems(request(type).setJoinWaitlist(joinWaitlist)
				.setAttendee(Attendee.newBuilder().setName("Guest " + i).setEmail("guest" + i + "@example.test")));
		}
		return this.organizerRegistrations.batchCreateRegistrations(batch.build())
			.getResultsList()
			.stream()
			.map(BatchItemResult::getRegistration)
			.toList();
	}

	private TicketType freeType(Event event) {
		return ticketType(event, free("Free").setMaxPerOrder(100).setPosition(1));
	}

	/** Admission is recorded by the check-in feature; here the row is marked as it would. */
	private void checkIn(List<Registration> registrations) {
		registrations.forEach(registration -> this.db.update(REGISTRATION)
			.set(REGISTRATION.STATUS, "CHECKED_IN")
			.set(REGISTRATION.CHECKED_IN_AT, Instant.now())
			.where(REGISTRATION.ID.eq(UUID.fromString(registration.getId())))
			.execute());
	}

	private void cancel(List<Registration> registrations) {
		registrations.forEach(registration -> this.organizerRegistrations.cancelRegistration(
				CancelRegistrationRequest.newBuilder().setId(registration.getId()).setReason("Cannot come").build()));
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
	void countsRegistrationsPerStatusAndTicketTypeWithTheSeatsTheyTakeAndTheCheckInRate() {
		Event event = createWithCapacity(8);
		TicketType free = freeType(event);
		TicketType paid = ticketType(event, paid("Paid", 2500).setPosition(2));
		cancel(register(free, 4, false));
		register(paid, 1, false);
		register(free, 2, false);
		checkIn(register(free, 5, false));
		register(free, 3, true);

		EventStatistics statistics = statistics(event);

		assertThat(statistics.getPendingPayment()).isEqualTo(1);
		assertThat(statistics.getConfirmed()).isEqualTo(2);
		assertThat(statistics.getWaitlisted()).isEqualTo(3);
		assertThat(statistics.getCancelled()).isEqualTo(4);
		assertThat(statistics.getCheckedIn()).isEqualTo(5);
		assertThat(statistics.getSeatsTaken()).isEqualTo(8);
		assertThat(statistics.getCapacity()).isEqualTo(8);
		assertThat(statistics.getCapacityRemaining()).isZero();
		assertThat(statistics.getCheckInRate()).isCloseTo(5.0 / 7, within(1e-9));
		assertThat(statistics.getByTicketTypeList()).containsExactly(
				TicketTypeStatistics.newBuilder().setTicketTypeId(free.getId()).setName("Free").setConfirmed(2)
					.setWaitlisted(3).setCancelled(4).setCheckedIn(5).build(),
				TicketTypeStatistics.newBuilder().setTicketTypeId(paid.getId()).setName("Paid").setPendingPayment(1).build());
		assertThat(statistics.getRevenueBookedList())
			.containsExactly(MoneyTotal.newBuilder().setAmount(2500).setCurrency("EUR").build());
	}

	@Test
	void booksRevenuePerCurrencyForSeatHoldersOnlyAndReportsWhatIsLeftOfEachQuantity() {
		Event event = createWithCapacity(100);
		TicketType euro = ticketType(event, paid("Euro", 1000).setQuantity(10).setMaxPerOrder(100).setPosition(1));
		TicketType dollar = ticketType(event, paid("Dollar", 700).setPrice(Money.newBuilder().setAmount(700).setCurrency("USD"))
			.setPosition(2));
		register(euro, 3, false);
		cancel(register(euro, 1, false));
		register(dollar, 2, false);

		EventStatistics statistics = statistics(event);

		assertThat(statistics.getRevenueBookedList()).containsExactly(
				MoneyTotal.newBuilder().setAmount(3000).setCurrency("EUR").build(),
				MoneyTotal.newBuilder().setAmount(1400).setCurrency("USD").build());
		assertThat(statistics.getByTicketType(0).getQuantity()).isEqualTo(10);
		assertThat(statistics.getByTicketType(0).getRemaining()).isEqualTo(7);
		assertThat(statistics.getByTicketType(1).hasRemaining()).isFalse();
		assertThat(statistics.getCheckInRate()).isZero();
	}

	@Test
	void leavesCapacityAndRemainingUnsetForUnlimitedEvents() {
		Event event = create(Drafts.event("Open air", START, START.plus(3, ChronoUnit.HOURS)));
		this.events.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build());
		register(freeType(event), 7, false);

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
		register(freeType(small), 5, false);
		TicketType largeType = ticketType(large, free("Few").setQuantity(2).setMaxPerOrder(100));
		checkIn(register(largeType, 2, false));
		register(largeType, 1, true);

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
		this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder().setId(closing.getId()).setReason("Band unavailable").build());

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
