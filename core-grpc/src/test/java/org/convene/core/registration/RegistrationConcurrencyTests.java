package org.convene.core.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiError;
import org.convene.grpc.CallMetadata;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.REGISTRATION;

/**
 * Hundreds of attendees registering at once, each with their own token, through the real
 * gRPC service, for far fewer seats: the seats taken are exactly the seats there are.
 */
class RegistrationConcurrencyTests extends RegistrationIntegrationTest {

	private static final int RUSH = 400;

	/** Stores {@code count} users at once. */
	private List<UUID> newUsers(int count) {
		List<UUID> ids = new ArrayList<>();
		var insert = this.db.insertInto(APP_USER, APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME);
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			insert = insert.values(id, id + "@example.test", "Rusher " + i);
		}
		insert.execute();
		return ids;
	}

	private ListenableFuture<Registration> register(UUID user, TicketType type, boolean joinWaitlist) {
		return bearer(RegistrationServiceGrpc.newFutureStub(this.channel), userToken(user))
			.createRegistration(request(type).setJoinWaitlist(joinWaitlist).build());
	}

	/** Each call's registration, or the error code it failed with. */
	private static List<Object> outcomes(List<ListenableFuture<Registration>> calls) throws Exception {
		List<Object> outcomes = new ArrayList<>();
		for (ListenableFuture<Registration> call : calls) {
			try {
				outcomes.add(call.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				outcomes.add(ApiError.fromThrowable((StatusRuntimeException) ex.getCause()).code());
			}
		}
		return outcomes;
	}

	private List<RegistrationRecord> registrations(Event event) {
		return this.db.selectFrom(REGISTRATION).where(REGISTRATION.EVENT_ID.eq(UUID.fromString(event.getId()))).fetch();
	}

	private static long count(List<RegistrationRecord> rows, String status) {
		return rows.stream().filter(row -> row.getStatus().equals(status)).count();
	}

	private void assertCountersMatchRegistrations(Event event, TicketType... types) {
		assertThat(seatsTaken(event.getId())).isEqualTo(seatsHeld(event.getId()));
		for (TicketType type : types) {
			assertThat(seatsTaken(type.getId())).as(type.getName()).isEqualTo(seatsHeld(type.getId()));
		}
	}

	@Test
	void givesExactlyTheSeatsThereAreToARushOfAttendees() throws Exception {
		Event event = publishedEvent(50);
		TicketType a = ticketType(event, free("A").setQuantity(30));
		TicketType b = ticketType(event, free("B").setQuantity(30));
		List<UUID> users = newUsers(RUSH);

		List<ListenableFuture<Registration>> calls = new ArrayList<>();
		for (int i = 0; i < RUSH; i++) {
			calls.add(register(users.get(i), i % 2 == 0 ? a : b, i % 3 == 0));
		}
		List<Object> outcomes = outcomes(calls);

		List<RegistrationRecord> rows = registrations(event);
		long waitlistRequests = 0;
		for (int i = 0; i < RUSH; i++) {
			if (!(outcomes.get(i) instanceof Registration registration && registration.getStatus() == RegistrationStatus.CONFIRMED)) {
				assertThat(outcomes.get(i)).isEqualTo(i % 3 == 0 ? (Object) outcomes.get(i) : ErrorCode.SOLD_OUT);
				waitlistRequests += i % 3 == 0 ? 1 : 0;
			}
		}
		assertThat(count(rows, "CONFIRMED")).isEqualTo(50);
		assertThat(count(rows, "WAITLISTED")).isEqualTo(waitlistRequests);
		assertThat(outcomes.stream().filter(ErrorCode.SOLD_OUT::equals).count()).isEqualTo(RUSH - 50 - waitlistRequests);
		assertThat(rows).extracting(RegistrationRecord::getUserId).doesNotHaveDuplicates();
		assertThat(rows.stream().filter(row -> row.getStatus().equals("CONFIRMED")).map(RegistrationRecord::getTicketTypeId)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values()).allMatch(n -> n <= 30);
		assertThat(seatsTaken(event.getId())).isEqualTo(50);
		assertCountersMatchRegistrations(event, a, b);
		assertThat(this.db.fetchCount(OUTBOX, OUTBOX.EVENT_TYPE.eq("registration.created")
			.and(OUTBOX.AGGREGATE_ID.in(rows.stream().map(RegistrationRecord::getId).toList())))).isEqualTo(rows.size());
	}

	@Test
	void keepsCountersExactAndTheWaitlistMovingWhileCancellationsInterleave() throws Exception {
		Event event = publishedEvent(40);
		TicketType free = ticketType(event, free("Free").setQuantity(25));
		TicketType paid = ticketType(event, paid("Paid", 1200).setQuantity(25));
		List<UUID> users = newUsers(2 * RUSH / 2);
		List<ListenableFuture<Registration>> firstWave = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			firstWave.add(register(users.get(i), i % 2 == 0 ? free : paid, true));
		}
		List<Registration> holders = outcomes(firstWave).stream()
			.map(Registration.class::cast)
			.filter(registration -> registration.getStatus() != RegistrationStatus.WAITLISTED)
			.toList();

		List<ListenableFuture<?>> secondWave = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			if (i % 10 == 0 && i / 10 < holders.size()) {
				secondWave.add(RegistrationServiceGrpc.newFutureStub(this.channel)
					.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(authorization(this.organizer)))
					.cancelRegistration(CancelRegistrationRequest.newBuilder().setId(holders.get(i / 10).getId()).setReason("Rush").build()));
			}
			else {
				secondWave.add(register(users.get(100 + i), i % 2 == 0 ? free : paid, i % 4 != 0));
			}
		}
		for (ListenableFuture<?> call : secondWave) {
			try {
				call.get(60, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				assertThat(ApiError.fromThrowable(ex.getCause()).code()).isEqualTo(ErrorCode.SOLD_OUT);
			}
		}

		List<RegistrationRecord> rows = registrations(event);
		assertThat(holders).hasSize(40);
		assertThat(count(rows, "CANCELLED")).isEqualTo(30);
		assertThat(seatsTaken(event.getId())).isEqualTo(40);
		assertCountersMatchRegistrations(event, free, paid);
		Map<UUID, Integer> taken = Map.of(UUID.fromString(free.getId()), seatsTaken(free.getId()), UUID.fromString(paid.getId()),
				seatsTaken(paid.getId()));
		Set<UUID> waitingTypes = new HashSet<>(rows.stream().filter(row -> row.getStatus().equals("WAITLISTED"))
			.map(RegistrationRecord::getTicketTypeId).toList());
		assertThat(waitingTypes).as("a waitlisted registration never waits for a seat that is free")
			.allMatch(type -> seatsTaken(event.getId()) == 40 || taken.get(type) == 25);
		assertThat(this.db.fetchCount(OUTBOX, OUTBOX.EVENT_TYPE.eq("registration.promoted")
			.and(OUTBOX.AGGREGATE_ID.in(rows.stream().map(RegistrationRecord::getId).toList())))).isGreaterThan(0);
	}

	private Metadata authorization(UUID user) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.AUTHORIZATION, "Bearer " + userToken(user, "ORGANIZER"));
		return headers;
	}

}
