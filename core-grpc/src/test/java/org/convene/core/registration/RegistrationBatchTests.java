package org.convene.core.registration;

import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiError;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.BatchItemResult;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.REGISTRATION;

class RegistrationBatchTests extends RegistrationIntegrationTest {

	private static CreateRegistrationRequest guest(TicketType type, String name) {
		return request(type).setAttendee(Attendee.newBuilder().setName(name).setEmail(name.toLowerCase() + "@example.test")).build();
	}

	private static ErrorCode errorOf(BatchItemResult result) {
		return ApiError.fromThrowable(StatusProto.toStatusRuntimeException(result.getError())).code();
	}

	private int registrationsOf(Event event) {
		return this.db.fetchCount(REGISTRATION, REGISTRATION.EVENT_ID.eq(UUID.fromString(event.getId())));
	}

	@Test
	void answersEachItemOnItsOwnAndKeepsTheOnesThatSucceeded() {
		Event event = publishedEvent(2);
		TicketType type = ticketType(event, free("Standard"));

		BatchCreateRegistrationsResponse response = this.organizerRegistrations.batchCreateRegistrations(
				BatchCreateRegistrationsRequest.newBuilder()
					.addItems(guest(type, "Ann"))
					.addItems(request(type).setAttendee(Attendee.newBuilder().setName("No mail").setEmail("nope")).build())
					.addItems(guest(type, "Ben"))
					.addItems(guest(type, "Cid"))
					.build());

		List<BatchItemResult> results = response.getResultsList();
		assertThat(results).extracting(BatchItemResult::getIndex).containsExactly(0, 1, 2, 3);
		assertThat(results.get(0).getRegistration().getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(errorOf(results.get(1))).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(ApiError.fromThrowable(StatusProto.toStatusRuntimeException(results.get(1).getError()))
			.target()).isEqualTo("attendee.email");
		assertThat(results.get(2).getRegistration().getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(errorOf(results.get(3))).isEqualTo(ErrorCode.SOLD_OUT);
		assertThat(results.get(3).getError().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
		assertThat(registrationsOf(event)).isEqualTo(2);
		assertThat(seatsTaken(event.getId())).isEqualTo(2);
	}

	@Test
	void keepsNothingOfAnAllOrNothingBatchWhenOneItemFailsAndSaysWhichFailed() {
		Event event = publishedEvent(2);
		TicketType type = ticketType(event, free("Standard"));

		BatchCreateRegistrationsResponse response = this.organizerRegistrations.batchCreateRegistrations(
				BatchCreateRegistrationsRequest.newBuilder()
					.addItems(guest(type, "Ann"))
					.addItems(guest(type, "Ben"))
					.addItems(guest(type, "Cid"))
					.setAllOrNothing(true)
					.build());

		assertThat(response.getResultsList()).allMatch(BatchItemResult::hasError);
		assertThat(errorOf(response.getResults(0))).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		assertThat(errorOf(response.getResults(1))).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		assertThat(errorOf(response.getResults(2))).isEqualTo(ErrorCode.SOLD_OUT);
		assertThat(registrationsOf(event)).isZero();
		assertThat(seatsTaken(event.getId())).isZero();
		assertThat(outboxTypes(event.getId())).doesNotContain("registration.created");
	}

	@Test
	void keepsNothingOfAnAllOrNothingBatchWithAnInvalidItem() {
		Event event = publishedEvent(10);
		TicketType type = ticketType(event, free("Standard"));

		BatchCreateRegistrationsResponse response = this.organizerRegistrations.batchCreateRegistrations(
				BatchCreateRegistrationsRequest.newBuilder()
					.addItems(guest(type, "Ann"))
					.addItems(request(type).setAttendee(Attendee.newBuilder().setName("").setEmail("x@example.test")).build())
					.setAllOrNothing(true)
					.build());

		assertThat(errorOf(response.getResults(0))).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		assertThat(errorOf(response.getResults(1))).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(registrationsOf(event)).isZero();
	}

	@Test
	void commitsAnAllOrNothingBatchThatFitsAsAWhole() {
		Event event = publishedEvent(3);
		TicketType type = ticketType(event, paid("Standard", 1500));

		BatchCreateRegistrationsResponse response = this.organizerRegistrations.batchCreateRegistrations(
				BatchCreateRegistrationsRequest.newBuilder()
					.addItems(guest(type, "Ann"))
					.addItems(guest(type, "Ben"))
					.addItems(guest(type, "Cid"))
					.setAllOrNothing(true)
					.build());

		assertThat(response.getResultsList()).allMatch(result -> result.getRegistration().getStatus() == RegistrationStatus.PENDING_PAYMENT);
		assertThat(seatsTaken(event.getId())).isEqualTo(3).isEqualTo(seatsHeld(event.getId()));
	}

	@Test
	void refusesAnOrderLargerThanTheTicketTypeAllows() {
		TicketType type = ticketType(publishedEvent(10), free("Standard").setMaxPerOrder(2));

		ApiError error = ApiError.fromThrowable(failureOf(() -> this.organizerRegistrations.batchCreateRegistrations(
				BatchCreateRegistrationsRequest.newBuilder()
					.addItems(guest(type, "Ann"))
					.addItems(guest(type, "Ben"))
					.addItems(guest(type, "Cid"))
					.build())));

		assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(error.target()).isEqualTo("items");
	}

}
