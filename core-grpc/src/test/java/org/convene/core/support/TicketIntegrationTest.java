package org.convene.core.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Visibility;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.CheckInServiceGrpc.CheckInServiceBlockingStub;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc.TicketServiceBlockingStub;

/**
 * Tickets and check-in tests: an organizer with a published event and a ticket type, and the
 * two services as that organizer (every scope an organizer's door app needs).
 */
public abstract class TicketIntegrationTest extends CoreIntegrationTest {

	/** 18:00 to 21:00 in Berlin, where the test events are held. */
	protected static final Instant START = Instant.parse("2031-11-20T17:00:00Z");

	protected static final Instant END = START.plus(3, ChronoUnit.HOURS);

	protected static final String[] ORGANIZER_SCOPES = { Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.REGISTRATIONS_READ,
			Scopes.CHECKIN_WRITE };

	protected TicketFixtures fixtures;

	protected UUID organizerId;

	protected Event event;

	protected UUID ticketTypeId;

	/** TicketService as the event's organizer. */
	protected TicketServiceBlockingStub tickets;

	/** CheckInService as the event's organizer. */
	protected CheckInServiceBlockingStub checkIns;

	@BeforeEach
	void organizerWithAnEvent() {
		this.fixtures = new TicketFixtures(this.db);
		this.organizerId = newUser("Olga Organizer", "ORGANIZER");
		this.event = publishedEvent(this.organizerId, "Devoxx Night", Visibility.PUBLIC);
		this.ticketTypeId = this.fixtures.ticketType(this.event.getId(), "Standard");
		String token = organizerToken(this.organizerId);
		this.tickets = bearer(TicketServiceGrpc.newBlockingStub(this.channel), token);
		this.checkIns = bearer(CheckInServiceGrpc.newBlockingStub(this.channel), token);
	}

	protected String organizerToken(UUID organizer) {
		return this.tokens.user(organizer, Set.of("ORGANIZER"), ORGANIZER_SCOPES);
	}

	/** A published event of the organizer, Berlin time. */
	protected Event publishedEvent(UUID organizer, String title, Visibility visibility) {
		EventServiceBlockingStub events = bearer(this.anonymousEvents, organizerToken(organizer));
		Event draft = events.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, END).setVisibility(visibility))
			.build());
		return events.publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).build());
	}

	/** A confirmed registration of the test event, for someone without an account. */
	protected UUID confirmed(String attendee) {
		return this.fixtures.confirmed(this.event.getId(), this.ticketTypeId, null, attendee);
	}

	/** The ticket code of a registration, as its organizer reads it. */
	protected String codeOf(UUID registrationId) {
		return this.tickets.getTicket(GetTicketRequest.newBuilder().setRegistrationId(registrationId.toString()).build())
			.getCode();
	}

	protected TicketServiceBlockingStub ticketsAs(String token) {
		return bearer(TicketServiceGrpc.newBlockingStub(this.channel), token);
	}

	protected CheckInServiceBlockingStub checkInsAs(String token) {
		return bearer(CheckInServiceGrpc.newBlockingStub(this.channel), token);
	}

}
