package org.convene.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.google.protobuf.ByteString;
import org.jooq.Condition;
import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsResponse;
import org.convene.ticket.v1.proto.ListTicketKeysResponse;
import org.convene.ticket.v1.proto.Ticket;
import org.convene.ticket.v1.proto.TicketDocument;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.TicketValidation;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/** Tickets, their PDFs, what a code is worth, the signing keys and the revocation list. */
@Service
@Transactional(readOnly = true)
class TicketQueries {

	/**
	 * How far as_of of the revocation list lags its reading: a cancellation that commits a
	 * moment after it stamped cancelled_at is still in the next increment.
	 */
	static final Duration REVOCATION_LAG = Duration.ofMinutes(1);

	private final DSLContext db;

	private final Events events;

	private final TicketAccess access;

	private final TicketRegistrations registrations;

	private final TicketCodes codes;

	private final TicketKeys keys;

	private final RegistrationMessages messages;

	private final TicketPdf pdf;

	TicketQueries(DSLContext db, Events events, TicketAccess access, TicketRegistrations registrations, TicketCodes codes,
			TicketKeys keys, RegistrationMessages messages, TicketPdf pdf) {
		this.db = db;
		this.events = events;
		this.access = access;
		this.registrations = registrations;
		this.codes = codes;
		this.keys = keys;
		this.messages = messages;
		this.pdf = pdf;
	}

	Ticket get(GetTicketRequest request) {
		return this.codes.ticket(ticketHolder(request));
	}

	TicketDocument pdf(GetTicketRequest request) {
		RegistrationRecord registration = ticketHolder(request);
		EventRecord event = this.access.event(registration);
		String ticketType = this.db.select(TICKET_TYPE.NAME)
			.from(TICKET_TYPE)
			.where(TICKET_TYPE.ID.eq(registration.getTicketTypeId()))
			.fetchSingle(TICKET_TYPE.NAME);
		byte[] document = this.pdf.render(event, registration, ticketType, this.codes.ticket(registration).getCode());
		return TicketDocument.newBuilder()
			.setContentType("application/pdf")
			.setFileName("ticket-" + registration.getId() + ".pdf")
			.setData(ByteString.copyFrom(document))
			.build();
	}

	TicketValidation validate(ValidateTicketRequest request) {
		UUID eventId = RequestIds.uuid(request.getEventId(), "eventId");
		this.events.managed(caller(), eventId, Scopes.CHECKIN_WRITE, "eventId");
		RegistrationRecord registration = this.codes.read(request.getCode())
			.map(code -> this.registrations.ofTicket(code, eventId, false))
			.orElse(null);
		if (registration == null) {
			return TicketValidation.newBuilder().setState(TicketState.UNKNOWN).build();
		}
		TicketValidation.Builder validation = TicketValidation.newBuilder()
			.setState(TicketMessages.state(registration.getStatus()))
			.setRegistration(this.messages.toProto(registration));
		if (validation.getState() == TicketState.ALREADY_CHECKED_IN) {
			var admission = this.registrations.admission(registration.getId());
			if (admission != null) {
				validation.setCheckIn(TicketMessages.admission(admission));
			}
		}
		return validation.build();
	}

	ListTicketKeysResponse keys() {
		return ListTicketKeysResponse.newBuilder().setJwksJson(this.keys.jwks()).build();
	}

	/** Cancelled registrations that had a ticket: they were confirmed before. */
	ListRevokedTicketsResponse revoked(ListRevokedTicketsRequest request) {
		UUID eventId = RequestIds.uuid(request.getEventId(), "eventId");
		this.events.managed(caller(), eventId, Scopes.CHECKIN_WRITE, "eventId");
		Instant asOf = Instant.now().minus(REVOCATION_LAG).truncatedTo(ChronoUnit.MICROS);
		Condition revoked = REGISTRATION.EVENT_ID.eq(eventId)
			.and(REGISTRATION.STATUS.eq("CANCELLED"))
			.and(REGISTRATION.CONFIRMED_AT.isNotNull());
		if (request.hasSince()) {
			revoked = revoked.and(REGISTRATION.CANCELLED_AT.ge(ProtoTime.toInstant(request.getSince())));
		}
		return ListRevokedTicketsResponse.newBuilder()
			.addAllRegistrationIds(this.db.select(REGISTRATION.ID)
				.from(REGISTRATION)
				.where(revoked)
				.orderBy(REGISTRATION.CANCELLED_AT, REGISTRATION.ID)
				.fetch(row -> row.value1().toString()))
			.setAsOf(ProtoTime.of(asOf))
			.build();
	}

	/** The registration asked for, when the caller may see its ticket and it has one. */
	private RegistrationRecord ticketHolder(GetTicketRequest request) {
		RegistrationRecord registration = this.access.forAttendeeOrOrganizer(caller(), request.getRegistrationId(),
				Scopes.REGISTRATIONS_READ, "registrationId");
		if (!TicketMessages.hasTicket(registration.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "This registration has no ticket",
					"Only confirmed registrations have tickets; registration '" + registration.getId() + "' is "
							+ registration.getStatus(),
					"registrationId");
		}
		return registration;
	}

	private static Caller caller() {
		return RequestContext.current().caller();
	}

}
