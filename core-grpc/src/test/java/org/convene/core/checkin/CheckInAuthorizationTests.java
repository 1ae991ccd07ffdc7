package org.convene.core.checkin;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.convene.core.auth.Scopes;
import org.convene.core.support.TicketIntegrationTest;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.Visibility;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.CheckInServiceGrpc.CheckInServiceBlockingStub;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc.TicketServiceBlockingStub;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Named.named;

/**
 * Who may scan and see check-ins: checkin:write and the event's organizer (also through an API
 * key) or an administrator. Anonymous callers are unauthenticated; an event the caller may not
 * see does not exist for them.
 */
class CheckInAuthorizationTests extends TicketIntegrationTest {

	/** Who calls, with which credentials. */
	enum CallerKind {

		OWNER, OWNERS_API_KEY, ADMINISTRATOR, ATTENDEE, OTHER_ORGANIZER, PARTNER_WITHOUT_CHECKIN_WRITE,
		PARTNER_WITH_CHECKIN_WRITE, ANONYMOUS

	}

	/** A check-in operation on the test event, as a call to make with both stubs. */
	record Operation(String name, Function<Stubs, Object> call) {
	}

	record Stubs(CheckInServiceBlockingStub checkIns, TicketServiceBlockingStub tickets, String eventId, String registrationId,
			String code) {
	}

	private Event privateEvent;

	@BeforeEach
	void aPrivateEventToo() {
		this.privateEvent = publishedEvent(this.organizerId, "Staff party", Visibility.PRIVATE);
	}

	static Stream<Arguments> outcomes() {
		return Stream.of(Arguments.of(CallerKind.OWNER, Status.Code.OK), Arguments.of(CallerKind.OWNERS_API_KEY, Status.Code.OK),
				Arguments.of(CallerKind.ADMINISTRATOR, Status.Code.OK),
				Arguments.of(CallerKind.ATTENDEE, Status.Code.PERMISSION_DENIED),
				Arguments.of(CallerKind.OTHER_ORGANIZER, Status.Code.PERMISSION_DENIED),
				Arguments.of(CallerKind.PARTNER_WITHOUT_CHECKIN_WRITE, Status.Code.PERMISSION_DENIED),
				Arguments.of(CallerKind.PARTNER_WITH_CHECKIN_WRITE, Status.Code.PERMISSION_DENIED),
				Arguments.of(CallerKind.ANONYMOUS, Status.Code.UNAUTHENTICATED));
	}

	static Stream<Operation> operations() {
		return Stream.of(
				new Operation("CheckIn", s -> s.checkIns().checkIn(CheckInRequest.newBuilder()
					.setCode(s.code())
					.setEventId(s.eventId())
					.setDeviceId("door-1")
					.build())),
				new Operation("ListCheckIns",
						s -> s.checkIns().listCheckIns(ListCheckInsRequest.newBuilder().setEventId(s.eventId()).build())),
				new Operation("ValidateTicket", s -> s.tickets()
					.validateTicket(ValidateTicketRequest.newBuilder().setCode(s.code()).setEventId(s.eventId()).build())),
				new Operation("ListRevokedTickets", s -> s.tickets()
					.listRevokedTickets(ListRevokedTicketsRequest.newBuilder().setEventId(s.eventId()).build())));
	}

	static Stream<Arguments> everyOperationByEveryCaller() {
		return outcomes().flatMap(outcome -> operations()
			.map(operation -> Arguments.of(outcome.get()[0], named(operation.name(), operation), outcome.get()[1])));
	}

	@ParameterizedTest(name = "{1} by {0}: {2}")
	@MethodSource("everyOperationByEveryCaller")
	void answersEachKindOfCallerOnTheOrganizersEvent(CallerKind caller, Operation operation, Status.Code expected) {
		UUID registration = confirmed("Ada Lovelace");
		Stubs stubs = stubs(caller, this.event.getId(), registration.toString(), codeOf(registration));

		assertThat(statusOf(() -> operation.call().apply(stubs))).isEqualTo(expected);
	}

	@Test
	void hidesAPrivateEventFromOrganizersWhoDoNotRunIt() {
		UUID type = this.fixtures.ticketType(this.privateEvent.getId(), "Staff");
		UUID registration = this.fixtures.confirmed(this.privateEvent.getId(), type, null, "Sam Staff");
		Stubs other = stubs(CallerKind.OTHER_ORGANIZER, this.privateEvent.getId(), registration.toString(), codeOf(registration));

		operations().forEach(operation -> assertThat(statusOf(() -> operation.call().apply(other))).as(operation.name())
			.isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void letsOnlyTheOrganizerUndoAnAdmissionAndHidesItFromOthers() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		this.checkIns.checkIn(CheckInRequest.newBuilder().setCode(code).setEventId(this.event.getId()).setDeviceId("d").build());
		UndoCheckInRequest undo = UndoCheckInRequest.newBuilder().setRegistrationId(registration.toString()).build();

		assertThat(statusOf(() -> stubs(CallerKind.ANONYMOUS, "", "", "").checkIns().undoCheckIn(undo)))
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(statusOf(() -> stubs(CallerKind.PARTNER_WITHOUT_CHECKIN_WRITE, "", "", "").checkIns().undoCheckIn(undo)))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(statusOf(() -> stubs(CallerKind.OTHER_ORGANIZER, "", "", "").checkIns().undoCheckIn(undo)))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(statusOf(() -> stubs(CallerKind.ATTENDEE, "", "", "").checkIns().undoCheckIn(undo)))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(statusOf(() -> stubs(CallerKind.OWNERS_API_KEY, "", "", "").checkIns().undoCheckIn(undo)))
			.isEqualTo(Status.Code.OK);
	}

	@Test
	void publishesTheTicketKeysToAnyone() {
		assertThat(TicketServiceGrpc.newBlockingStub(this.channel)
			.listTicketKeys(ListTicketKeysRequest.getDefaultInstance())
			.getJwksJson()).contains("\"kty\":\"OKP\"");
	}

	private Stubs stubs(CallerKind caller, String eventId, String registrationId, String code) {
		CheckInServiceBlockingStub checkIns = CheckInServiceGrpc.newBlockingStub(this.channel);
		TicketServiceBlockingStub tickets = TicketServiceGrpc.newBlockingStub(this.channel);
		switch (caller) {
			case ANONYMOUS -> {
			}
			case OWNERS_API_KEY -> {
				String key = ownersApiKey();
				checkIns = apiKey(checkIns, key);
				tickets = apiKey(tickets, key);
			}
			default -> {
				String token = token(caller);
				checkIns = bearer(checkIns, token);
				tickets = bearer(tickets, token);
			}
		}
		return new Stubs(checkIns, tickets, eventId, registrationId, code);
	}

	private String token(CallerKind caller) {
		return switch (caller) {
			case OWNER -> organizerToken(this.organizerId);
			case ADMINISTRATOR -> this.tokens.user(this.adminId, Set.of("ADMIN"), Scopes.ADMIN, Scopes.CHECKIN_WRITE);
			case ATTENDEE -> this.tokens.user(newUser("Ada"), Set.of("ATTENDEE"), Scopes.EVENTS_READ, Scopes.CHECKIN_WRITE);
			case OTHER_ORGANIZER -> organizerToken(newUser("Otto Other", "ORGANIZER"));
			case PARTNER_WITHOUT_CHECKIN_WRITE -> this.tokens.client("partner-app", null, Set.of(), Scopes.EVENTS_READ,
					Scopes.REGISTRATIONS_READ);
			case PARTNER_WITH_CHECKIN_WRITE -> this.tokens.client("partner-app", null, Set.of(), Scopes.EVENTS_READ,
					Scopes.CHECKIN_WRITE);
			default -> throw new IllegalArgumentException(caller.name());
		};
	}

	/** A new API key of the event's organizer, granting checkin:write. */
	private String ownersApiKey() {
		return bearer(ApiKeyServiceGrpc.newBlockingStub(this.channel), organizerToken(this.organizerId))
			.createApiKey(CreateApiKeyRequest.newBuilder()
				.setName("Door app")
				.addScopes(Scopes.EVENTS_READ)
				.addScopes(Scopes.CHECKIN_WRITE)
				.build())
			.getSecret();
	}

	private static Status.Code statusOf(Runnable call) {
		Throwable failure = catchThrowable(call::run);
		if (failure == null) {
			return Status.Code.OK;
		}
		assertThat(failure).isInstanceOf(StatusRuntimeException.class);
		return ((StatusRuntimeException) failure).getStatus().getCode();
	}

}
