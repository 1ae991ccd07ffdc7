package org.convene.core.attendance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.paging.Keyset;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.schema.core.tables.records.SessionCheckInRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionAttendeesResponse;
import org.convene.session.v1.proto.SessionAttendance;
import org.convene.session.v1.proto.SessionAttendanceList;
import org.convene.session.v1.proto.SessionAttendeeEdge;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.SESSION_BOOKMARK;
import static org.convene.schema.core.Tables.SESSION_CHECK_IN;

/**
 * Counts per session, for the event's organizer, administrators and the session's speakers
 * (sessions:read); who attended, for the organizer (checkin:write, as the event's check-in
 * list). Counts of any number of sessions cost two queries.
 */
@Service
@Transactional(readOnly = true)
class AttendanceQueries {

	private static final Keyset<Instant> BY_SCAN = Keyset.ofInstant("SCANNED_AT:asc", SESSION_CHECK_IN.SCANNED_AT,
			SESSION_CHECK_IN.REGISTRATION_ID, false);

	private final DSLContext db;

	private final SessionAccess access;

	AttendanceQueries(DSLContext db, SessionAccess access) {
		this.db = db;
		this.access = access;
	}

	SessionAttendance get(String sessionId) {
		SessionRecord session = this.access.managedOrSpoken(caller(), sessionId, Scopes.SESSIONS_READ, "sessionId").session();
		return counts(List.of(session)).getSessions(0);
	}

	SessionAttendanceList batch(List<String> sessionIds) {
		return counts(this.access.managedOrSpoken(caller(), sessionIds, Scopes.SESSIONS_READ));
	}

	SessionAttendanceList ofEvent(String eventId) {
		return counts(this.access.ofManagedEvent(caller(), eventId, Scopes.SESSIONS_READ));
	}

	ListSessionAttendeesResponse attendees(ListSessionAttendeesRequest request) {
		SessionRecord session = this.access.managed(caller(), request.getSessionId(), Scopes.CHECKIN_WRITE, "sessionId")
			.session();
		Page<SessionCheckInRecord> page = Pager.fetch(this.db, SESSION_CHECK_IN,
				SESSION_CHECK_IN.SESSION_ID.eq(session.getId()), BY_SCAN, PageSpec.of(request.getPage(), BY_SCAN));
		Map<UUID, String> names = this.db.select(REGISTRATION.ID, REGISTRATION.ATTENDEE_NAME)
			.from(REGISTRATION)
			.where(REGISTRATION.ID.in(page.items().stream().map(SessionCheckInRecord::getRegistrationId).toList()))
			.fetchMap(REGISTRATION.ID, REGISTRATION.ATTENDEE_NAME);
		ListSessionAttendeesResponse.Builder response = ListSessionAttendeesResponse.newBuilder().setPageInfo(page.info());
		for (int i = 0; i < page.items().size(); i++) {
			SessionCheckInRecord row = page.items().get(i);
			response.addEdges(SessionAttendeeEdge.newBuilder()
				.setCheckIn(AttendanceMessages.checkIn(row, names.get(row.getRegistrationId())))
				.setCursor(page.cursors().get(i)));
		}
		return response.build();
	}

	private SessionAttendanceList counts(List<SessionRecord> sessions) {
		List<UUID> ids = sessions.stream().map(SessionRecord::getId).toList();
		Map<UUID, Integer> checkedIn = countBy(ids, true);
		Map<UUID, Integer> bookmarked = countBy(ids, false);
		SessionAttendanceList.Builder list = SessionAttendanceList.newBuilder();
		for (SessionRecord session : sessions) {
			SessionAttendance.Builder counts = SessionAttendance.newBuilder()
				.setSessionId(session.getId().toString())
				.setEventId(session.getEventId().toString())
				.setCheckedIn(checkedIn.getOrDefault(session.getId(), 0))
				.setBookmarked(bookmarked.getOrDefault(session.getId(), 0))
				.setRequiresSeat(session.getRequiresSeat())
				.setSeatsTaken(session.getSeatsTaken());
			if (session.getCapacity() != null) {
				counts.setCapacity(session.getCapacity());
			}
			list.addSessions(counts);
		}
		return list.build();
	}

	/** Admissions (or bookmarks) per session. */
	private Map<UUID, Integer> countBy(Collection<UUID> sessionIds, boolean admissions) {
		Field<UUID> sessionId = admissions ? SESSION_CHECK_IN.SESSION_ID : SESSION_BOOKMARK.SESSION_ID;
		return this.db.select(sessionId, DSL.count())
			.from(admissions ? SESSION_CHECK_IN : SESSION_BOOKMARK)
			.where(sessionId.in(sessionIds))
			.groupBy(sessionId)
			.fetchMap(sessionId, DSL.count());
	}

	private static Caller caller() {
		return RequestContext.current().caller();
	}

}
