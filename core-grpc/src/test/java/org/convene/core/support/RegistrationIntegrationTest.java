package org.convene.core.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;

import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SEAT_COUNTER;

/**
 * Core on a real database, with an organizer who runs published events with ticket types,
 * and stubs of the registration services for every kind of caller.
 */
public abstract class RegistrationIntegrationTest extends CoreIntegrationTest {

	protected static final Instant START = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	/** The organizer of the events the tests create. */
	protected UUID organizer;

	protected EventServiceGrpc.EventServiceBlockingStub organizerEvents;

	protected TicketTypeServiceGrpc.TicketTypeServiceBlockingStub organizerTicketTypes;

	protected RegistrationServiceGrpc.RegistrationServiceBlockingStub organizerRegistrations;

	@BeforeEach
	void organizer() {
		this.organizer = newUser("Olga Organizer", "ORGANIZER");
		this.organizerEvents = eventsAs(this.organizer, "ORGANIZER");
		this.organizerTicketTypes = ticketTypesAs(this.organizer, "ORGANIZER");
		this.organizerRegistrations = registrationsAs(this.organizer, "ORGANIZER");
	}

	/** A token for the user with the scopes an app for attendees and organizers holds. */
	protected String userToken(UUID user, String... roles) {
		return this.tokens.user(user, Set.of(roles), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.REGISTRATIONS_READ,
				Scopes.REGISTRATIONS_WRITE);
	}

	protected RegistrationServiceGrpc.RegistrationServiceBlockingStub registrationsAs(UUID user, String... roles) {
		return bearer(RegistrationServiceGrpc.newBlockingStub(this.channel), userToken(user, roles));
	}

	protected TicketTypeServiceGrpc.TicketTypeServiceBlockingStub ticketTypesAs(UUID user, String... roles) {
		return bearer(TicketTypeServiceGrpc.newBlockingStub(this.channel), userToken(user, roles));
	}

	/** RegistrationService as an administrator with every scope. */
	protected RegistrationServiceGrpc.RegistrationServiceBlockingStub adminRegistrations() {
		return bearer(RegistrationServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(this.adminId, Set.of("ADMIN", "ORGANIZER"), Scopes.ALL.toArray(String[]::new)));
	}

	/** RegistrationService as the payments service: a client with internal credentials. */
	protected RegistrationServiceGrpc.RegistrationServiceBlockingStub paymentsService() {
		return bearer(RegistrationServiceGrpc.newBlockingStub(this.channel),
				this.tokens.client("payments", null, Set.of(), Scopes.INTERNAL));
	}

	/** A published event of the organizer, starting in 30 days. */
	protected Event publishedEvent(Integer capacity) {
		EventDraft.Builder draft = Drafts.event("Registration test", START, START.plus(4, ChronoUnit.HOURS));
		if (capacity != null) {
			draft.setCapacity(capacity);
		}
		Event event = this.organizerEvents.createEvent(CreateEventRequest.newBuilder().setEvent(draft).build());
		return this.organizerEvents.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build());
	}

	protected TicketType ticketType(Event event, TicketTypeDraft.Builder draft) {
		return this.organizerTicketTypes
			.createTicketType(CreateTicketTypeRequest.newBuilder().setEventId(event.getId()).setTicketType(draft).build());
	}

	protected static TicketTypeDraft.Builder free(String name) {
		return TicketTypeDraft.newBuilder().setName(name).setPrice(Money.newBuilder().setCurrency("EUR"));
	}

	protected static TicketTypeDraft.Builder paid(String name, long cents) {
		return TicketTypeDraft.newBuilder().setName(name).setPrice(Money.newBuilder().setAmount(cents).setCurrency("EUR"));
	}

	protected static CreateRegistrationRequest.Builder request(TicketType type) {
		return CreateRegistrationRequest.newBuilder().setEventId(type.getEventId()).setTicketTypeId(type.getId());
	}

	/** Registers a new attendee for the ticket type; returns the registration. */
	protected Registration registerNewAttendee(TicketType type, boolean joinWaitlist) {
		UUID attendee = newUser("Attendee");
		return registrationsAs(attendee).createRegistration(request(type).setJoinWaitlist(joinWaitlist).build());
	}

	protected List<String> outboxTypes(String aggregateId) {
		return this.db.select(OUTBOX.EVENT_TYPE)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(aggregateId)))
			.orderBy(OUTBOX.ID)
			.fetch(OUTBOX.EVENT_TYPE);
	}

	/** Seats taken as the counter of an event or ticket type says. */
	protected int seatsTaken(String counterId) {
		return this.db.fetchValue(SEAT_COUNTER.TAKEN, SEAT_COUNTER.ID.eq(UUID.fromString(counterId)));
	}

	/** Seats held as the registrations of an event or ticket type say. */
	protected int seatsHeld(String eventOrTicketTypeId) {
		UUID id = UUID.fromString(eventOrTicketTypeId);
		return this.db.fetchCount(REGISTRATION, REGISTRATION.EVENT_ID.eq(id)
			.or(REGISTRATION.TICKET_TYPE_ID.eq(id))
			.and(REGISTRATION.STATUS.in("PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN")));
	}

}
