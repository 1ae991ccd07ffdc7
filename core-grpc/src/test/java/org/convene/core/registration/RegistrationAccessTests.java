package org.convene.core.registration;

import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.Event;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.RegistrationServiceGrpc.RegistrationServiceBlockingStub;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeVisibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;

/** Who may register whom, and who sees which registrations, for every kind of caller. */
class RegistrationAccessTests extends RegistrationIntegrationTest {

	private Event event;

	private TicketType standard;

	private UUID attendee;

	private Registration registration;

	@BeforeEach
	void registration() {
		this.event = publishedEvent(100);
		this.standard = ticketType(this.event, free("Standard"));
		this.attendee = newUser("Ada");
		this.registration = registrationsAs(this.attendee).createRegistration(request(this.standard).build());
	}

	private RegistrationServiceBlockingStub anonymous() {
		return RegistrationServiceGrpc.newBlockingStub(this.channel);
	}

	private RegistrationServiceBlockingStub client(UUID owner, String... scopes) {
		return bearer(anonymous(), this.tokens.client("partner", owner, owner == null ? Set.of() : Set.of("ORGANIZER"), scopes));
	}

	private Registration get(RegistrationServiceBlockingStub stub) {
		return stub.getRegistration(GetRegistrationRequest.newBuilder().setId(this.registration.getId()).build());
	}

	private int attendeeList(RegistrationServiceBlockingStub stub) {
		return stub.listRegistrations(ListRegistrationsRequest.newBuilder().setEventId(this.event.getId()).build())
			.getRegistrationsCount();
	}

	private static Status.Code codeOf(ThrowingCallable call) {
		return failureOf(call).getStatus().getCode();
	}

	@Test
	void refusesAnonymousCallersEverythingButReadingTicketTypes() {
		assertThat(codeOf(() -> anonymous().createRegistration(request(this.standard).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(codeOf(() -> get(anonymous()))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(codeOf(() -> attendeeList(anonymous()))).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void showsAnAttendeeTheirOwnRegistrationsOnly() {
		UUID other = newUser("Other attendee");

		assertThat(get(registrationsAs(this.attendee))).isEqualTo(this.registration);
		assertThat(registrationsAs(this.attendee).listRegistrations(ListRegistrationsRequest.getDefaultInstance())
			.getRegistrationsList()).containsExactly(this.registration);
		assertThat(codeOf(() -> get(registrationsAs(other)))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(codeOf(() -> attendeeList(registrationsAs(other)))).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void showsAnOrganizerTheRegistrationsOfTheirOwnEventsOnly() {
		UUID otherOrganizer = newUser("Other organizer", "ORGANIZER");

		assertThat(get(this.organizerRegistrations)).isEqualTo(this.registration);
		assertThat(attendeeList(this.organizerRegistrations)).isEqualTo(1);
		assertThat(codeOf(() -> get(registrationsAs(otherOrganizer, "ORGANIZER")))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(codeOf(() -> attendeeList(registrationsAs(otherOrganizer, "ORGANIZER")))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(attendeeList(adminRegistrations())).isEqualTo(1);
	}

	@Test
	void letsOrganizersRegisterUsersAndGuestsButNotAttendeesRegisterOthers() {
		UUID someone = newUser("Someone");

		Registration forUser = this.organizerRegistrations.createRegistration(request(this.standard).setUserId(someone.toString()).build());
		Registration guest = this.organizerRegistrations.createRegistration(request(this.standard)
			.setAttendee(Attendee.newBuilder().setName("Guest Speaker").setEmail("guest@example.test"))
			.build());
		Status.Code byAttendee = codeOf(() -> registrationsAs(this.attendee)
			.createRegistration(request(this.standard).setUserId(someone.toString()).build()));

		assertThat(forUser.getUserId()).isEqualTo(someone.toString());
		assertThat(forUser.getAttendee().getName()).isEqualTo("Someone");
		assertThat(forUser.getCreatedBy()).isEqualTo("user:" + this.organizer);
		assertThat(guest.getUserId()).isEmpty();
		assertThat(guest.getAttendee().getEmail()).isEqualTo("guest@example.test");
		assertThat(byAttendee).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(registrationsAs(someone).getRegistration(GetRegistrationRequest.newBuilder().setId(forUser.getId()).build())
			.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
	}

	@Test
	void offersHiddenTicketTypesToTheOrganizerOnly() {
		TicketType speakers = ticketType(this.event, free("Speakers").setVisibility(TicketTypeVisibility.HIDDEN));

		assertThat(codeOf(() -> registrationsAs(this.attendee).createRegistration(request(speakers).build())))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(this.organizerRegistrations.createRegistration(request(speakers).setUserId(this.attendee.toString()).build())
			.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
	}

	@Test
	void holdsPartnerClientsToTheirScopes() {
		RegistrationServiceBlockingStub readOnly = client(this.organizer, Scopes.REGISTRATIONS_READ);
		RegistrationServiceBlockingStub noUser = client(null, Scopes.REGISTRATIONS_READ, Scopes.REGISTRATIONS_WRITE);

		assertThat(attendeeList(readOnly)).isEqualTo(1);
		assertThat(codeOf(() -> readOnly.createRegistration(request(this.standard).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(codeOf(() -> noUser.createRegistration(request(this.standard).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(codeOf(() -> noUser.listRegistrations(ListRegistrationsRequest.getDefaultInstance())))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(codeOf(() -> get(noUser))).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void letsAnApiKeyActForItsOwner() {
		String token = this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.REGISTRATIONS_READ);
		String key = bearer(ApiKeyServiceGrpc.newBlockingStub(this.channel), token)
			.createApiKey(CreateApiKeyRequest.newBuilder().setName("Box office").addScopes(Scopes.REGISTRATIONS_READ).build())
			.getSecret();

		assertThat(attendeeList(apiKey(anonymous(), key))).isEqualTo(1);
		assertThat(codeOf(() -> apiKey(anonymous(), key).createRegistration(request(this.standard).build())))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
	}

}
