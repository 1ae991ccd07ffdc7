package org.convene.core.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.paging.Keyset;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.core.ticket.RegistrationMessages;
import org.convene.core.ticket.TicketMessages;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.CheckInListEntry;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListCheckInsResponse;

import static org.convene.schema.core.Tables.REGISTRATION;

/** The check-in list of an event: its confirmed and admitted registrations, by attendee name. */
@Service
@Transactional(readOnly = true)
class CheckInList {

	private static final Keyset<String> BY_NAME = new Keyset<>("ATTENDEE_NAME:asc", REGISTRATION.ATTENDEE_NAME,
			REGISTRATION.ID, false, name -> name, name -> name);

	private final DSLContext db;

	private final Events events;

	private final TicketRegistrations registrations;

	private final RegistrationMessages messages;

	CheckInList(DSLContext db, Events events, TicketRegistrations registrations, RegistrationMessages messages) {
		this.db = db;
		this.events = events;
		this.registrations = registrations;
		this.messages = messages;
	}

	ListCheckInsResponse list(ListCheckInsRequest request) {
		UUID eventId = RequestIds.uuid(request.getEventId(), "eventId");
		this.events.managed(RequestContext.current().caller(), eventId, Scopes.CHECKIN_WRITE, "eventId");
		Condition filter = filter(eventId, request);
		PageSpec spec = PageSpec.of(request.getPage(), BY_NAME);
		Page<RegistrationRecord> page = Pager.fetch(this.db, REGISTRATION, filter, BY_NAME, spec);
		Map<UUID, CheckInRecord> admissions = this.registrations
			.admissions(page.items().stream().map(RegistrationRecord::getId).toList());
		ListCheckInsResponse.Builder response = ListCheckInsResponse.newBuilder().setPageInfo(page.info());
		for (RegistrationRecord registration : page.items()) {
			CheckInListEntry.Builder entry = CheckInListEntry.newBuilder().setRegistration(this.messages.toProto(registration));
			CheckInRecord admission = admissions.get(registration.getId());
			if (admission != null) {
				entry.setCheckIn(TicketMessages.admission(admission));
			}
			response.addEntries(entry);
		}
		var counts = this.db.select(DSL.count(), DSL.count().filterWhere(REGISTRATION.STATUS.eq("CHECKED_IN")))
			.from(REGISTRATION)
			.where(filter)
			.fetchSingle();
		return response.setTotalCount(counts.value1()).setCheckedInCount(counts.value2()).build();
	}

	private static Condition filter(UUID eventId, ListCheckInsRequest request) {
		List<Condition> conditions = new ArrayList<>();
		conditions.add(REGISTRATION.EVENT_ID.eq(eventId));
		conditions.add(REGISTRATION.STATUS.in("CONFIRMED", "CHECKED_IN"));
		if (!request.getTicketTypeId().isEmpty()) {
			conditions.add(REGISTRATION.TICKET_TYPE_ID.eq(RequestIds.uuid(request.getTicketTypeId(), "ticketTypeId")));
		}
		if (request.hasCheckedIn()) {
			conditions.add(REGISTRATION.STATUS.eq(request.getCheckedIn() ? "CHECKED_IN" : "CONFIRMED"));
		}
		String query = ScanInput.text(request.getQuery(), "query", 0, 200);
		if (!query.isEmpty()) {
			conditions.add(REGISTRATION.ATTENDEE_NAME.containsIgnoreCase(query)
				.or(REGISTRATION.ATTENDEE_EMAIL.containsIgnoreCase(query)));
		}
		return DSL.and(conditions);
	}

}
