package org.convene.core.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiError;
import org.convene.grpc.CallMetadata;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.TicketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;
import static org.convene.schema.core.Tables.REGISTRATION;

/**
 * Registering with an idempotency key, over real gRPC: registrations are taken in the batch
 * worker's transaction, which stores the answer under the key, so a retry after a lost answer
 * gets the same registration (ticket code included) and never a second seat.
 */
class IdempotentRegistrationTests extends RegistrationIntegrationTest {

	private static <S extends AbstractStub<S>> S withKey(S stub, String key) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.IDEMPOTENCY_KEY, key);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private int registrationsOf(Event event) {
		return this.db.fetchCount(REGISTRATION, REGISTRATION.EVENT_ID.eq(UUID.fromString(event.getId())));
	}

	@Test
	void aRetryGetsTheFirstRegistrationWithItsTicketAndTakesNoSecondSeat() {
		Event event = publishedEvent(10);
		TicketType type = ticketType(event, free("General"));
		UUID attendee = newUser("Ida Idempotent");
		String key = UUID.randomUUID().toString();

		Registration first = withKey(registrationsAs(attendee), key).createRegistration(request(type).build());
		Registration retry = withKey(registrationsAs(attendee), key).createRegistration(request(type).build());

		assertThat(retry).isEqualTo(first);
		assertThat(retry.getTicketCode()).startsWith("CV1.");
		assertThat(registrationsOf(event)).isEqualTo(1);
		assertThat(this.db.fetchCount(IDEMPOTENCY_KEY)).isPositive();
	}

	@Test
	void theSameKeyForAnotherRegistrationIsRefused() {
		Event event = publishedEvent(10);
		TicketType general = ticketType(event, free("General"));
		TicketType student = ticketType(event, free("Student"));
		UUID attendee = newUser("Ida Idempotent");
		String key = UUID.randomUUID().toString();
		withKey(registrationsAs(attendee), key).createRegistration(request(general).build());

		StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
				() -> withKey(registrationsAs(attendee), key).createRegistration(request(student).build()));

		assertThat(ApiError.fromThrowable(refused).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
		assertThat(registrationsOf(event)).isEqualTo(1);
	}

	@Test
	void aBatchIsReplayedWhole() {
		Event event = publishedEvent(10);
		TicketType type = ticketType(event, free("General"));
		String key = UUID.randomUUID().toString();
		BatchCreateRegistrationsRequest batch = BatchCreateRegistrationsRequest.newBuilder()
			.addItems(request(type).setAttendee(org.convene.registration.v1.proto.Attendee.newBuilder()
				.setName("Guest One").setEmail("one@example.test")))
			.addItems(request(type).setAttendee(org.convene.registration.v1.proto.Attendee.newBuilder()
				.setName("Guest Two").setEmail("two@example.test")))
			.build();

		BatchCreateRegistrationsResponse first = withKey(this.organizerRegistrations, key).batchCreateRegistrations(batch);
		BatchCreateRegistrationsResponse retry = withKey(this.organizerRegistrations, key).batchCreateRegistrations(batch);

		assertThat(retry).isEqualTo(first);
		assertThat(registrationsOf(event)).isEqualTo(2);
	}

	/**
	 * Retries that race the first call (a client that timed out at once) land in the same batch
	 * or in batches right after it: one registration is taken, every call answers with it or
	 * with IDEMPOTENCY_KEY_IN_USE, and none with a second seat.
	 */
	@Test
	void simultaneousRetriesRegisterOnce() throws Exception {
		Event event = publishedEvent(100);
		TicketType type = ticketType(event, free("General"));
		UUID attendee = newUser("Ida Idempotent");
		String key = UUID.randomUUID().toString();
		RegistrationServiceGrpc.RegistrationServiceFutureStub stub = withKey(
				bearer(RegistrationServiceGrpc.newFutureStub(this.channel), userToken(attendee)), key);
		List<ListenableFuture<Registration>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			calls.add(stub.createRegistration(request(type).build()));
		}

		List<String> registrationIds = new ArrayList<>();
		for (ListenableFuture<Registration> call : calls) {
			try {
				registrationIds.add(call.get(30, TimeUnit.SECONDS).getId());
			}
			catch (ExecutionException ex) {
				assertThat(ApiError.fromThrowable((StatusRuntimeException) ex.getCause()).code())
					.isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
			}
		}

		assertThat(registrationsOf(event)).isEqualTo(1);
		assertThat(registrationIds).isNotEmpty().containsOnly(this.db.select(REGISTRATION.ID).from(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.eq(UUID.fromString(event.getId()))).fetchSingle().value1().toString());
	}

}
