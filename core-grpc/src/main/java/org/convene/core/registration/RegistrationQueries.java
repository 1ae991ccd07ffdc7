package org.convene.core.registration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.paging.Keyset;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.REGISTRATION;

/**
 * Reads registrations (registrations:read): one's own, and the attendee lists of the events
 * one organizes (administrators: of every event).
 */
@Service
@Transactional(readOnly = true)
class RegistrationQueries {

	private final DSLContext db;

	private final RegistrationRepository registrations;

	private final RegistrationAccess access;

	private final Events events;

	RegistrationQueries(DSLContext db, RegistrationRepository registrations, RegistrationAccess access, Events events) {
		this.db = db;
		this.registrations = registrations;
		this.access = access;
		this.events = events;
	}

	Registration get(String id) {
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_READ);
		UUID registrationId = Applications.uuid(id, "id");
		RegistrationRecord row = this.access.require(caller, this.registrations.find(registrationId), registrationId);
		return RegistrationRecords.toProto(row, this.registrations.waitlistPositions(List.of(row)).getOrDefault(row.getId(), 0));
	}

	ListRegistrationsResponse list(ListRegistrationsRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_READ);
		Condition scope = scope(caller, request.getEventId());
		Keyset<?> keyset = RegistrationListing.keyset(request.getOrder());
		PageSpec spec = PageSpec.of(request.getPage(), keyset);
		Condition filter = RegistrationListing.filter(request.getStatusesList(), request.getTicketTypeId(), request.getQuery());
		Page<RegistrationRecord> page = Pager.fetch(this.db, REGISTRATION, scope.and(filter), keyset, spec);
		Map<UUID, Integer> positions = this.registrations.waitlistPositions(page.items());
		return ListRegistrationsResponse.newBuilder()
			.addAllRegistrations(page.items().stream().map(row -> RegistrationRecords.toProto(row, positions.getOrDefault(row.getId(), 0))).toList())
			.setPageInfo(page.info())
			.build();
	}

	/** The caller's own registrations, or the attendee list of an event they manage. */
	private Condition scope(Caller caller, String eventId) {
		if (eventId.isEmpty()) {
			return REGISTRATION.USER_ID.eq(caller.requireUser());
		}
		UUID event = this.events.managed(caller, Applications.uuid(eventId, "eventId"), Scopes.REGISTRATIONS_READ, "eventId").getId();
		return REGISTRATION.EVENT_ID.eq(event);
	}

}
